package dev.mcpauth.server.auth;

import java.util.Optional;

/**
 * Why a request was stopped at the bearer edge, in the form the response needs: status,
 * challenge, body. The security provider leaves it in the request's {@code RequestAuthOutcome} (Helidon's
 * context mechanism, as the {@code SecurityResponseMapper} SPI suggests) and
 * {@code BearerChallengeMapper} turns it into the response.
 *
 * @param status    HTTP status
 * @param challenge the {@code WWW-Authenticate} challenge; empty only for 503
 * @param reason    decision-log reason code
 */
public record BearerRejection(int status, Optional<BearerChallenge> challenge, String reason) {

    /** Seconds a client should wait when the keys could not be fetched. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static BearerRejection of(BearerChallenge challenge, String reason) {
        return new BearerRejection(challenge.status(), Optional.of(challenge), reason);
    }

    /** The JWKS cannot be fetched and no key is cached: fail closed, and say it is temporary (RS-61). */
    public static BearerRejection keysUnavailable() {
        return new BearerRejection(503, Optional.empty(), TokenRejection.KEYS_UNAVAILABLE.code());
    }

    public String jsonBody() {
        return challenge.map(BearerChallenge::jsonBody).orElse(
                "{\"error\":\"temporarily_unavailable\",\"error_description\":\"signing keys unavailable\"}");
    }
}
