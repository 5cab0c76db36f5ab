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
        return unavailable(TokenRejection.KEYS_UNAVAILABLE);
    }

    /** The keys or the introspection endpoint cannot be reached: fail closed, and say it is temporary (RS-61). */
    public static BearerRejection unavailable(TokenRejection reason) {
        return new BearerRejection(503, Optional.empty(), reason.code());
    }

    public String jsonBody() {
        String description = TokenRejection.INTROSPECTION_UNAVAILABLE.code().equals(reason)
                ? TokenRejection.INTROSPECTION_UNAVAILABLE.description()
                : TokenRejection.KEYS_UNAVAILABLE.description();
        return challenge.map(BearerChallenge::jsonBody).orElse(
                "{\"error\":\"temporarily_unavailable\",\"error_description\":\"" + description + "\"}");
    }
}
