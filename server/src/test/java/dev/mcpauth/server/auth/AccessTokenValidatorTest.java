package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.config.TokenTypeProfile;
import dev.mcpauth.server.support.MutableClock;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time, leeway and {@code typ} profiles, with a clock the test controls (RS-32, RS-37, RS-38, RS-48). */
class AccessTokenValidatorTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void validateWhenGoodTokenThenAcceptedWithClaimsButNoTokenBytes() {
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        TokenValidation result = validator(TokenTypeProfile.LENIENT, 60, new MutableClock(Instant.now())).validate(token);
        AccessToken accepted = ((TokenValidation.Accepted) result).token();
        assertThat(accepted.subject(), is("alice"));
        assertThat(accepted.clientId(), is(Optional.of("test-client")));
        assertThat(accepted.scopes(), is(Set.of("mcp:read", "mcp:write")));
        assertThat(accepted.keyId(), is(Optional.of("k1")));
        assertThat(accepted.fingerprint(), is(TokenFingerprint.of(token)));
        assertThat(accepted.toString().contains(token), is(false));
    }

    @Test
    void validateWhenExpiryWithinLeewayThenAcceptedAndBeyondThenExpired() {
        Instant exp = Instant.now().plusSeconds(300);
        String token = MINT.token().expiresAt(exp).sign();
        MutableClock clock = new MutableClock(exp.plusSeconds(59));
        AccessTokenValidator validator = validator(TokenTypeProfile.LENIENT, 60, clock);
        assertThat(validator.validate(token), instanceOf(TokenValidation.Accepted.class));
        clock.advance(Duration.ofSeconds(1));
        assertThat(validator.validate(token), is(new TokenValidation.Rejected(TokenRejection.EXPIRED)));
    }

    @Test
    void validateWhenNoLeewayThenExpiredAtExp() {
        Instant exp = Instant.now().plusSeconds(300);
        MutableClock clock = new MutableClock(exp);
        assertThat(validator(TokenTypeProfile.LENIENT, 0, clock).validate(MINT.token().expiresAt(exp).sign()),
                   is(new TokenValidation.Rejected(TokenRejection.EXPIRED)));
    }

    @Test
    void validateWhenNotBeforeWithinLeewayThenAcceptedAndBeyondThenNotYetValid() {
        Instant now = Instant.now();
        AccessTokenValidator validator = validator(TokenTypeProfile.LENIENT, 60, new MutableClock(now));
        assertThat(validator.validate(MINT.token().notBefore(now.plusSeconds(59)).sign()),
                   instanceOf(TokenValidation.Accepted.class));
        assertThat(validator.validate(MINT.token().notBefore(now.plusSeconds(61)).sign()),
                   is(new TokenValidation.Rejected(TokenRejection.NOT_YET_VALID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "at+JWT", "application/at+jwt", "Application/AT+JWT"})
    void validateWhenRfc9068ProfileAndAccessTokenTypeThenAccepted(String typ) {
        assertThat(validator(TokenTypeProfile.RFC9068, 60, new MutableClock(Instant.now())).validate(MINT.token().type(typ).sign()),
                   instanceOf(TokenValidation.Accepted.class));
    }

    @Test
    void validateWhenRfc9068ProfileAndPlainJwtOrNoTypeThenUnsupportedType() {
        AccessTokenValidator validator = validator(TokenTypeProfile.RFC9068, 60, new MutableClock(Instant.now()));
        TokenValidation refused = new TokenValidation.Rejected(TokenRejection.UNSUPPORTED_TYPE);
        assertThat(validator.validate(MINT.token().type("JWT").sign()), is(refused));
        assertThat(validator.validate(MINT.token().type(null).sign()), is(refused));
    }

    @Test
    void validateWhenLenientProfileThenPlainJwtAndMissingTypeAreAccepted() {
        AccessTokenValidator validator = validator(TokenTypeProfile.LENIENT, 60, new MutableClock(Instant.now()));
        assertThat(validator.validate(MINT.token().type("JWT").sign()), instanceOf(TokenValidation.Accepted.class));
        assertThat(validator.validate(MINT.token().type(null).sign()), instanceOf(TokenValidation.Accepted.class));
    }

    @Test
    void validateWhenScpArrayThenScopesAreMerged() {
        TokenValidation result = validator(TokenTypeProfile.LENIENT, 60, new MutableClock(Instant.now()))
                .validate(MINT.token().without("scope").claim("scp", List.of("mcp:admin")).sign());
        assertThat(((TokenValidation.Accepted) result).token().scopes(), contains("mcp:admin"));
    }

    @Test
    void validateWhenTokenWasCachedThenAnotherTokenIsStillVerifiedOnItsOwn() throws Exception {
        AccessTokenValidator validator = validator(TokenTypeProfile.LENIENT, 60, new MutableClock(Instant.now()));
        String token = MINT.token().sign();
        assertThat(validator.validate(token), instanceOf(TokenValidation.Accepted.class));
        assertThat(validator.validate(token), instanceOf(TokenValidation.Accepted.class));

        char secondLast = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (secondLast == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(validator.validate(flipped), is(new TokenValidation.Rejected(TokenRejection.BAD_SIGNATURE)));
        String otherKey = MINT.token().key(TestIssuer.rsaKey("k1")).sign();
        assertThat(validator.validate(otherKey), is(new TokenValidation.Rejected(TokenRejection.BAD_SIGNATURE)));
    }

    @Test
    void validateWhenCachedTokensKeyLeftTheJwksThenRefusedOnceTheKeysAreRefreshed() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        // the cached entry would serve 10 minutes; the keys (TTL 5 minutes) are refreshed before that
        AccessTokenValidator validator = validator(TokenTypeProfile.LENIENT, 60, clock, Duration.ofMinutes(10));
        String token = MINT.token().expiresAt(Instant.now().plusSeconds(3600)).sign();
        assertThat("keys loaded", validator.validate(MINT.token().sign()), instanceOf(TokenValidation.Accepted.class));
        assertThat("verified and cached", validator.validate(token), instanceOf(TokenValidation.Accepted.class));
        try {
            ISSUER.publish(TestIssuer.rsaKey("k2"));
            clock.advance(Duration.ofMinutes(6));
            assertThat(validator.validate(token), is(new TokenValidation.Rejected(TokenRejection.UNKNOWN_KEY)));
        } finally {
            ISSUER.publish(ISSUER.rsaKey(), ISSUER.ecKey());
        }
    }

    static AccessTokenValidator validator(TokenTypeProfile profile, long skewSeconds, MutableClock clock) {
        return validator(profile, skewSeconds, clock, Duration.ofSeconds(60));
    }

    static AccessTokenValidator validator(TokenTypeProfile profile, long skewSeconds, MutableClock clock,
                                          Duration verifiedTokenCacheTtl) {
        McpSettings settings = new McpSettings(URI.create(TestConfig.RESOURCE), URI.create(ISSUER.issuer()),
                Optional.of(URI.create(ISSUER.jwksUri())), List.of("mcp:read"), profile, Duration.ofSeconds(skewSeconds),
                Set.of(), "test", Duration.ofSeconds(10), Duration.ofMinutes(5), verifiedTokenCacheTtl, Optional.empty(), false);
        JwksKeySource keys = new JwksKeySource(JwksLocation.fixed(URI.create(ISSUER.jwksUri())),
                new JwksDocumentReader(new HttpJson(HttpClient.newHttpClient())), clock, Duration.ofSeconds(10),
                Duration.ofMinutes(5));
        return new AccessTokenValidator(settings, keys, clock);
    }
}
