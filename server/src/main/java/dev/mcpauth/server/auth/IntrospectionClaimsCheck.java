package dev.mcpauth.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges an RFC 7662 introspection answer as strictly as a JWT's claims ({@link TokenClaimsVerifier}):
 * {@code active} must be the JSON {@code true} (RFC 7662 §2.2; anything else is an inactive
 * token, RS-60); {@code exp} is required and in the future with leeway (RS-32, RS-37, RS-39);
 * {@code nbf}, when present, not ahead (RS-38); {@code iss} exactly the configured issuer
 * (RS-47); {@code aud} contains this resource exactly (RS-53, RFC 8707 §2); {@code sub} present;
 * the scopes readable ({@link ScopeClaims}). {@code client_id} is kept for the decision log.
 */
final class IntrospectionClaimsCheck {

    private final String issuer;
    private final String audience;
    private final Duration leeway;
    private final Clock clock;
    private final ScopeClaims scopeClaims;

    IntrospectionClaimsCheck(String issuer, String audience, Duration leeway, Clock clock, ScopeClaims scopeClaims) {
        this.issuer = issuer;
        this.audience = audience;
        this.leeway = leeway;
        this.clock = clock;
        this.scopeClaims = scopeClaims;
    }

    TokenValidation judge(Map<String, Object> answer, String fingerprint) {
        if (!Boolean.TRUE.equals(answer.get("active"))) {
            return rejected(TokenRejection.INACTIVE);
        }
        Optional<Instant> expiry = seconds(answer.get("exp"));
        if (answer.get("exp") == null) {
            return rejected(TokenRejection.MISSING_EXPIRY);
        }
        if (expiry.isEmpty()) {
            return rejected(TokenRejection.MALFORMED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(expiry.get().plus(leeway))) {
            return rejected(TokenRejection.EXPIRED);
        }
        Optional<Instant> notBefore = seconds(answer.get("nbf"));
        if (notBefore.isPresent() && now.plus(leeway).isBefore(notBefore.get())) {
            return rejected(TokenRejection.NOT_YET_VALID);
        }
        if (!issuer.equals(answer.get("iss"))) {
            return rejected(TokenRejection.ISSUER_MISMATCH);
        }
        if (!audiences(answer.get("aud")).contains(audience)) {
            return rejected(TokenRejection.AUDIENCE_MISMATCH);
        }
        if (!(answer.get("sub") instanceof String subject) || subject.isBlank()) {
            return rejected(TokenRejection.MISSING_SUBJECT);
        }
        Optional<Set<String>> scopes = scopeClaims.read(answer);
        if (scopes.isEmpty()) {
            return rejected(TokenRejection.UNUSABLE_SCOPE_CLAIM);
        }
        Optional<String> clientId = answer.get("client_id") instanceof String id ? Optional.of(id) : Optional.empty();
        return new TokenValidation.Accepted(new AccessToken(issuer, subject, clientId, scopes.get(), expiry.get(),
                                                            Optional.empty(), fingerprint));
    }

    private static Optional<Instant> seconds(Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return Optional.of(Instant.ofEpochSecond(Math.max(Math.min(number.longValue(), Instant.MAX.getEpochSecond() / 2),
                                                              Instant.MIN.getEpochSecond() / 2)));
        }
        return Optional.empty();
    }

    private static List<?> audiences(Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        return value instanceof List<?> list ? list : List.of();
    }

    private static TokenValidation rejected(TokenRejection reason) {
        return new TokenValidation.Rejected(reason);
    }
}
