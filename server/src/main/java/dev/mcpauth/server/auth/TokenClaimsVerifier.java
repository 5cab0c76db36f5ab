package dev.mcpauth.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

/**
 * The claim checks every token must pass, run by Nimbus after the signature is verified:
 * <ul>
 *     <li>{@code exp} required (RS-39) and in the future, with leeway (RS-32, RS-37);</li>
 *     <li>{@code nbf}, when present, not in the future beyond the leeway (RS-38);</li>
 *     <li>{@code iss} exactly the configured issuer (RS-47);</li>
 *     <li>{@code aud} contains the canonical resource exactly (RS-53, RS-54, RS-55, RS-56, RS-57).</li>
 * </ul>
 * The clock is injected, so tests can move time.
 */
final class TokenClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    private final String issuer;
    private final String audience;
    private final Duration leeway;
    private final Clock clock;

    TokenClaimsVerifier(String issuer, String audience, Duration leeway, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.leeway = leeway;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Instant now = clock.instant();
        Instant expiry = instant(claims.getExpirationTime())
                .orElseThrow(() -> new TokenRejectedException(TokenRejection.MISSING_EXPIRY));
        if (!now.isBefore(expiry.plus(leeway))) {
            throw new TokenRejectedException(TokenRejection.EXPIRED);
        }
        Optional<Instant> notBefore = instant(claims.getNotBeforeTime());
        if (notBefore.isPresent() && now.plus(leeway).isBefore(notBefore.get())) {
            throw new TokenRejectedException(TokenRejection.NOT_YET_VALID);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejectedException(TokenRejection.ISSUER_MISMATCH);
        }
        List<String> audiences = Optional.ofNullable(claims.getAudience()).orElse(List.of());
        if (!audiences.contains(audience)) {
            throw new TokenRejectedException(TokenRejection.AUDIENCE_MISMATCH);
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new TokenRejectedException(TokenRejection.MISSING_SUBJECT);
        }
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
