package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.auth.mode=introspection} end to end: opaque tokens validated at the issuer's RFC 7662
 * endpoint (discovered from its metadata), with the exact status line and challenge for each
 * answer (RS-60), 403 step-up for too few scopes (RS-62), 503 without a challenge while the
 * endpoint is down (RS-61), and JWTs introspected too (no local key is trusted in this mode).
 */
@WithTestIssuer(config = {"mcp.auth.mode=introspection", "mcp.auth.introspection-retry-interval-ms=0"})
@HelidonTest
class IntrospectionEdgeTest {

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;

    private static Map<String, Object> claims(String name, Object value) {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", ISSUER.issuer(), "aud", List.of(TestConfig.RESOURCE),
                "sub", "user-1", "client_id", "client-1", "scope", "mcp:read",
                "exp", Instant.now().plusSeconds(300).getEpochSecond()));
        claims.put(name, value);
        return claims;
    }

    private static Response initializeWith(String token) {
        return withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
    }

    @Test
    void rs60_activeOpaqueTokenForThisResourceIsServed() {
        assertThat(initializeWith(ISSUER.opaque().issue(claims("scope", "mcp:read"))).statusCode(), is(200));
    }

    @Test
    void rs60_inactiveExpiredOrForeignTokenGets401WithTheWholeChallenge() {
        String revoked = ISSUER.opaque().issue(claims("scope", "mcp:read"));
        ISSUER.opaque().revoke(revoked);
        BearerEdgeTest.assertChallenge(initializeWith(revoked), 401, BearerEdgeTest.invalidToken("token not active"));
        BearerEdgeTest.assertChallenge(initializeWith(ISSUER.opaque().issue(claims("aud", "https://evil.test/mcp"))),
                                       401, BearerEdgeTest.invalidToken("token audience mismatch"));
        BearerEdgeTest.assertChallenge(
                initializeWith(ISSUER.opaque().issue(claims("exp", Instant.now().minusSeconds(600).getEpochSecond()))),
                401, BearerEdgeTest.invalidToken("token expired"));
        BearerEdgeTest.assertChallenge(initializeWith(ISSUER.opaque().issue(claims("scp", Map.of("odd", true)))),
                                       401, BearerEdgeTest.invalidToken("token scope claim unusable"));
    }

    @Test
    void rs60_aJwtTheIssuerDoesNotKnowIsNotActiveEvenWhenItsSignatureIsGood() {
        BearerEdgeTest.assertChallenge(initializeWith(MINT.token().sign()), 401,
                                       BearerEdgeTest.invalidToken("token not active"));
    }

    @Test
    void rs62_tooFewScopesGets403StepUp() {
        String token = ISSUER.opaque().issue(claims("scope", "mcp:read"));
        Response response = post(token, initialize(token), toolCall("server_status"));
        assertThat(response.statusCode(), is(403));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"tool server_status needs mcp:admin\", scope=\"mcp:admin\", resource_metadata=\""
                + TestConfig.PRM_URL + "\""));
    }

    @Test
    void rs61_endpointDownGets503WithoutChallengeThenRecovers() {
        String token = ISSUER.opaque().issue(claims("scope", "mcp:read"));
        ISSUER.opaque().down(true);
        try {
            Response down = initializeWith(token);
            assertThat(down.statusCode(), is(503));
            assertThat(down.header("Retry-After"), is("5"));
            assertThat(down.header("WWW-Authenticate"), nullValue());
            assertThat(down.body().asString(), is(
                    "{\"error\":\"temporarily_unavailable\",\"error_description\":\"token introspection unavailable\"}"));
            assertThat(down.body().asString(), not(containsString(token)));
        } finally {
            ISSUER.opaque().down(false);
        }
        assertThat(initializeWith(token).statusCode(), is(200));
        assertThat("no JWKS is needed to be ready", request().get("/health/ready").statusCode(), is(200));
    }

    @Test
    void rs60_whoamiAndMemoryToolsKnowTheCallerOfAnOpaqueToken() {
        String token = ISSUER.opaque().issue(claims("scope", "mcp:read mcp:write"));
        String session = initialize(token);
        Response whoami = post(token, session, toolCall("whoami"));
        assertThat(whoami.jsonPath().getString("result.structuredContent.sub"), is("user-1"));
        assertThat(whoami.jsonPath().getString("result.structuredContent.client_id"), is("client-1"));
        assertThat(whoami.jsonPath().getList("result.structuredContent.scopes"), is(List.of("mcp:read", "mcp:write")));
        assertThat(whoami.body().asString(), not(containsString(token)));
        Response add = post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"memory_add\",\"arguments\":{\"text\":\"opaque callers have memories too\"}}}");
        assertThat(add.body().asString(), add.jsonPath().getBoolean("result.isError"), is(false));
    }

    @Test
    void rs60_anOpaqueTokenLeavesNoWarningInTheLog() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                if (logRecord.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(logRecord);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger edge = Logger.getLogger("dev.mcpauth.server.edge");
        edge.addHandler(capture);
        try {
            assertThat(initializeWith(ISSUER.opaque().issue(claims("scope", "mcp:read"))).statusCode(), is(200));
        } finally {
            edge.removeHandler(capture);
        }
        assertThat(warnings.stream().map(LogRecord::getMessage).toList(), is(List.of()));
    }
}
