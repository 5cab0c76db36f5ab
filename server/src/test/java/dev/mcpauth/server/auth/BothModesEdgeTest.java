package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;

import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.auth.mode=both}: JWTs are verified locally (and never fall back to introspection),
 * opaque tokens are introspected (RS-60); Entra's {@code scp} string shape is read (claim shapes).
 */
@WithTestIssuer(config = {"mcp.auth.mode=both", "mcp.auth.introspection-endpoint=", "mcp.auth.jwks-uri="})
@HelidonTest
class BothModesEdgeTest {

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;

    private static Response initializeWith(String token) {
        return withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
    }

    @Test
    void rs60_jwtIsVerifiedLocallyAndOpaqueTokenIsIntrospected() {
        int calls = ISSUER.opaque().calls();
        assertThat(initializeWith(MINT.token().sign()).statusCode(), is(200));
        assertThat("a JWT is never introspected", ISSUER.opaque().calls(), is(calls));
        assertThat(initializeWith(ISSUER.opaque().issue(ISSUER.issuer(), "http://127.0.0.1:8080/mcp", "mcp:read"))
                           .statusCode(), is(200));
        assertThat(ISSUER.opaque().calls(), is(calls + 1));
    }

    @Test
    void rs41_badJwtGetsTheJwtVerdictNotAnIntrospection() {
        String token = MINT.token().sign();
        int calls = ISSUER.opaque().calls();
        BearerEdgeTest.assertChallenge(initializeWith(token.substring(0, token.length() - 4) + "AAAA"), 401,
                                       BearerEdgeTest.invalidToken("token signature invalid"));
        BearerEdgeTest.assertChallenge(initializeWith(MINT.token().unsigned("none")), 401,
                                       BearerEdgeTest.invalidToken("token algorithm not allowed"));
        assertThat(ISSUER.opaque().calls(), is(calls));
    }

    @Test
    void scopeClaimShapes_scpStringAndArrayAreRead_anUnusableShapeIs401() {
        assertThat(initializeWith(MINT.token().without("scope").claim("scp", "mcp:read mcp:write").sign()).statusCode(),
                   is(200));
        assertThat(initializeWith(MINT.token().without("scope").claim("scp", List.of("mcp:read")).sign()).statusCode(),
                   is(200));
        BearerEdgeTest.assertChallenge(initializeWith(MINT.token().claim("scope", 7).sign()), 401,
                                       BearerEdgeTest.invalidToken("token scope claim unusable"));
    }
}
