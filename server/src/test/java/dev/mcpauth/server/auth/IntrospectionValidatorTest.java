package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.support.MutableClock;
import dev.mcpauth.server.support.OpaqueTokens;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 7662 introspection (RS-60) against the test issuer's real endpoint: every refusal an
 * answer can cause, the client authentication, the cache (never past exp), and the outage that
 * fails closed and is rate-limited (RS-61).
 */
class IntrospectionValidatorTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final OpaqueTokens opaque = ISSUER.opaque();

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    private IntrospectionValidator validator(Optional<URI> endpoint, String secret) {
        HttpJson http = new HttpJson(HttpClient.newHttpClient());
        IntrospectionClient client = new IntrospectionClient(http, endpoint,
                new IssuerMetadataDiscovery(http, ISSUER.issuer()), OpaqueTokens.CLIENT_ID, secret);
        return new IntrospectionValidator(client, new IntrospectionClaimsCheck(ISSUER.issuer(), TestConfig.RESOURCE,
                Duration.ofSeconds(60), clock, new ScopeClaims(Optional.empty())), clock, TTL, RETRY);
    }

    private IntrospectionValidator validator() {
        return validator(Optional.of(URI.create(ISSUER.introspectionEndpoint())), opaque.clientSecret());
    }

    private Map<String, Object> good() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER.issuer());
        claims.put("aud", List.of("https://other.example/api", TestConfig.RESOURCE));
        claims.put("sub", "user-1");
        claims.put("client_id", "client-1");
        claims.put("scope", "mcp:read mcp:write");
        claims.put("exp", clock.instant().plusSeconds(300).getEpochSecond());
        return claims;
    }

    private Map<String, Object> good(String name, Object value) {
        Map<String, Object> claims = good();
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    private static TokenValidation rejected(TokenRejection reason) {
        return new TokenValidation.Rejected(reason);
    }

    @Test
    void rs60_activeAnswerForThisResourceIsAcceptedWithItsScopesAndClient() {
        TokenValidation result = validator().validate(opaque.issue(good()));
        AccessToken token = ((TokenValidation.Accepted) result).token();
        assertThat(token.subject(), is("user-1"));
        assertThat(token.clientId(), is(Optional.of("client-1")));
        assertThat(token.scopes(), is(Set.of("mcp:read", "mcp:write")));
        assertThat(token.issuer(), is(ISSUER.issuer()));
    }

    @Test
    void rs60_inactiveUnknownOrRevokedTokenIsRefused() {
        String revoked = opaque.issue(good());
        opaque.revoke(revoked);
        assertThat(validator().validate(revoked), is(rejected(TokenRejection.INACTIVE)));
        assertThat(validator().validate("never-issued-" + revoked), is(rejected(TokenRejection.INACTIVE)));
        assertThat(validator().validate(opaque.issue(good("active", "true"))), is(rejected(TokenRejection.INACTIVE)));
    }

    @Test
    void rs60_answerThatFailsAClaimCheckIsRefusedAsForAJwt() {
        IntrospectionValidator validator = validator();
        long now = clock.instant().getEpochSecond();
        assertThat(validator.validate(opaque.issue(good("aud", "https://other.example/mcp"))),
                   is(rejected(TokenRejection.AUDIENCE_MISMATCH)));
        assertThat(validator.validate(opaque.issue(good("aud", null))), is(rejected(TokenRejection.AUDIENCE_MISMATCH)));
        assertThat(validator.validate(opaque.issue(good("exp", now - 600))), is(rejected(TokenRejection.EXPIRED)));
        assertThat(validator.validate(opaque.issue(good("exp", null))), is(rejected(TokenRejection.MISSING_EXPIRY)));
        assertThat(validator.validate(opaque.issue(good("exp", "soon"))), is(rejected(TokenRejection.MALFORMED)));
        assertThat(validator.validate(opaque.issue(good("nbf", now + 600))), is(rejected(TokenRejection.NOT_YET_VALID)));
        assertThat(validator.validate(opaque.issue(good("iss", "https://impostor.test"))),
                   is(rejected(TokenRejection.ISSUER_MISMATCH)));
        assertThat(validator.validate(opaque.issue(good("iss", null))), is(rejected(TokenRejection.ISSUER_MISMATCH)));
        assertThat(validator.validate(opaque.issue(good("sub", null))), is(rejected(TokenRejection.MISSING_SUBJECT)));
        assertThat(validator.validate(opaque.issue(good("scope", 42))), is(rejected(TokenRejection.UNUSABLE_SCOPE_CLAIM)));
    }

    @Test
    void rs60_scopeArrivesAsScpArrayOrString() {
        Map<String, Object> okta = good("scope", null);
        okta.put("scp", List.of("mcp:read", "mcp:admin"));
        assertThat(((TokenValidation.Accepted) validator().validate(opaque.issue(okta))).token().scopes(),
                   is(Set.of("mcp:read", "mcp:admin")));
        Map<String, Object> entra = good("scope", null);
        entra.put("scp", "mcp:read mcp:write");
        assertThat(((TokenValidation.Accepted) validator().validate(opaque.issue(entra))).token().scopes(),
                   is(Set.of("mcp:read", "mcp:write")));
    }

    @Test
    void rs60_theServerAuthenticatesWithItsClientCredentials() {
        String token = opaque.issue(good());
        assertThat("the endpoint refuses a wrong secret; no answer is no pass",
                   validator(Optional.of(URI.create(ISSUER.introspectionEndpoint())), "wrong").validate(token),
                   is(rejected(TokenRejection.INTROSPECTION_UNAVAILABLE)));
        assertThat(validator().validate(token) instanceof TokenValidation.Accepted, is(true));
    }

    @Test
    void rs07_endpointIsDiscoveredFromTheIssuerMetadata() {
        assertThat(validator(Optional.empty(), opaque.clientSecret()).validate(opaque.issue(good()))
                           instanceof TokenValidation.Accepted, is(true));
    }

    @Test
    void rs60_activeAnswerIsCachedUntilTheTtlButNeverPastExp() {
        IntrospectionValidator validator = validator();
        String token = opaque.issue(good());
        validator.validate(token);
        int calls = opaque.calls();
        opaque.revoke(token);
        clock.advance(TTL.minusSeconds(1));
        assertThat("served from the cache within the TTL", validator.validate(token) instanceof TokenValidation.Accepted,
                   is(true));
        assertThat(opaque.calls(), is(calls));
        clock.advance(Duration.ofSeconds(1));
        assertThat("asked again after the TTL", validator.validate(token), is(rejected(TokenRejection.INACTIVE)));

        String shortLived = opaque.issue(good("exp", clock.instant().plusSeconds(10).getEpochSecond()));
        validator.validate(shortLived);
        clock.advance(Duration.ofSeconds(10));
        int before = opaque.calls();
        validator.validate(shortLived);
        assertThat("an entry never outlives exp", opaque.calls(), is(before + 1));
        assertThat(validator.cachedTokens(), is(0));
    }

    @Test
    void rs61_outageFailsClosedCallsAtMostOncePerRetryIntervalAndRecovers() {
        IntrospectionValidator validator = validator();
        String token = opaque.issue(good());
        opaque.down(true);
        try {
            int before = opaque.calls();
            for (int i = 0; i < 5; i++) {
                assertThat(validator.validate(token), is(rejected(TokenRejection.INTROSPECTION_UNAVAILABLE)));
            }
            assertThat("one call per retry interval", opaque.calls(), is(before + 1));
            clock.advance(RETRY);
            assertThat(validator.validate(token), is(rejected(TokenRejection.INTROSPECTION_UNAVAILABLE)));
            assertThat(opaque.calls(), is(before + 2));
        } finally {
            opaque.down(false);
        }
        assertThat("still inside the window", validator.validate(token),
                   is(rejected(TokenRejection.INTROSPECTION_UNAVAILABLE)));
        clock.advance(RETRY);
        assertThat(validator.validate(token) instanceof TokenValidation.Accepted, is(true));
    }
}
