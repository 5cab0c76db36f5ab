package dev.mcpauth.server.mcp;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.PING;
import static dev.mcpauth.server.support.McpCalls.TOOLS_LIST;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Scopes (403 step-up, hierarchy), sessions bound to the principal, and the tools that read the
 * token through {@code JsonWebToken} (RS-24, RS-35, RS-36, RS-62, RS-63, RS-64, RS-65, RS-66, RS-69).
 */
@WithTestIssuer
@HelidonTest
class ScopeAndSessionTest {

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;
    private static final String PRM = TestConfig.PRM_URL;

    @Test
    void rs24_validTokenInitializesAndListsToolsWithRequiredScopes() {
        String token = MINT.token().sign();
        String session = initialize(token);
        assertThat("RS-69: 256-bit base64url session id", session.matches("[A-Za-z0-9_-]{43}"), is(true));
        Response tools = post(token, session, TOOLS_LIST);
        assertThat(tools.statusCode(), is(200));
        assertThat(tools.jsonPath().getList("result.tools.name"), contains("get_current_day", "memory_add", "memory_delete", "memory_get",
                            "memory_list", "memory_search", "server_status", "whoami"));
        assertThat(tools.jsonPath().getList("result.tools.find { it.name == 'server_status' }._meta.'dev.mcpauth/requiredScopes'"),
                   contains("mcp:admin"));
        assertThat(tools.jsonPath().getList("result.tools.find { it.name == 'whoami' }._meta.'dev.mcpauth/requiredScopes'"),
                   contains("mcp:read"));
    }

    @Test
    void whoamiShowsClaimsReadThroughInjectedJsonWebTokenButNeverTheToken() {
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        Response response = post(token, initialize(token), toolCall("whoami"));
        assertThat(response.statusCode(), is(200));
        assertThat(response.jsonPath().getString("result.structuredContent.sub"), is("alice"));
        assertThat(response.jsonPath().getString("result.structuredContent.client_id"), is("test-client"));
        assertThat(response.jsonPath().getList("result.structuredContent.scopes"), contains("mcp:read", "mcp:write"));
        assertThat(response.jsonPath().getString("result.structuredContent.token_api"),
                   is("org.eclipse.microprofile.jwt.JsonWebToken"));
        assertThat(response.jsonPath().getString("result.structuredContent.issuer"), is(ISSUER.issuer()));
        assertThat(response.body().asString(), not(containsString(token)));
    }

    @Test
    void keycloakStyleTokenWithAzpAndJwtTypeIsAcceptedInLenientProfile() {
        String token = MINT.token().type("JWT").without("client_id").claim("azp", "kc-client")
                .claim("aud", List.of(TestConfig.RESOURCE, "account")).sign();
        Response response = post(token, initialize(token), toolCall("whoami"));
        assertThat(response.jsonPath().getString("result.structuredContent.client_id"), is("kc-client"));
    }

    @Test
    void rs41_es256TokenFromTheIssuerIsAccepted() {
        String token = MINT.token().key(ISSUER.ecKey()).algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).sign();
        Response whoami = post(token, initialize(token), toolCall("whoami"));
        assertThat(whoami.statusCode(), is(200));
        assertThat("JsonWebToken also works for EC-signed tokens",
                   whoami.jsonPath().getString("result.structuredContent.sub"), is("alice"));
    }

    @Test
    void rs25_rs31_schemeIsCaseInsensitiveAndMaySpaceOut() {
        String token = MINT.token().sign();
        assertThat(request().header("Authorization", "bearer " + token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp").statusCode(), is(200));
        assertThat(request().header("Authorization", "BEARER   " + token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp").statusCode(), is(200));
    }

    @Test
    void rs62_rs63_readTokenOnAdminToolGets403StepUpChallenge() {
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), toolCall("server_status"));
        assertThat(response.statusCode(), is(403));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"tool server_status needs mcp:admin\", scope=\"mcp:admin\", resource_metadata=\"" + PRM + "\""));
        assertThat(response.body().asString(), not(containsString("\"result\"")));
    }

    @Test
    void rs64_rs65_adminTokenSatisfiesTheChallengeAndImpliesRead() {
        String admin = MINT.token().scope("mcp:admin").sign();
        String session = initialize(admin);
        Response status = post(admin, session, toolCall("server_status"));
        assertThat(status.statusCode(), is(200));
        assertThat(status.jsonPath().getList("result.structuredContent.trusted_key_ids"), contains("k1", "e1"));
        assertThat(post(admin, session, toolCall("whoami")).statusCode(), is(200));
    }

    @Test
    void rs66_sameCallIsChallengedIdenticallyEachTime() {
        String token = MINT.token().sign();
        String session = initialize(token);
        String first = post(token, session, toolCall("server_status")).header("WWW-Authenticate");
        assertThat(post(token, session, toolCall("server_status")).header("WWW-Authenticate"), is(first));
    }

    @Test
    void tokenWithoutAnyMcpScopeGets403ForEveryMethod() {
        String token = MINT.token().scope("email profile").sign();
        Response response = withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(response.statusCode(), is(403));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"method initialize needs mcp:read\", scope=\"mcp:read\", resource_metadata=\"" + PRM + "\""));
    }

    @Test
    void rs21_methodNameWithQuoteOrBackslashGetsAWellFormed403Not5xx() {
        String session = initialize(MINT.token().sign());
        String writeOnly = MINT.token().scope("mcp:write").sign();
        Response response = post(writeOnly, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\\\"b\\\\c\"}");
        assertThat(response.statusCode(), is(403));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"method a?b?c needs mcp:read\", scope=\"mcp:read\", resource_metadata=\"" + PRM + "\""));
    }

    @Test
    void rs36_expiredTokenOnAdminToolGets401Not403() {
        String good = MINT.token().sign();
        String session = initialize(good);
        String expired = MINT.token().expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThat(post(expired, session, toolCall("server_status")).statusCode(), is(401));
    }

    @Test
    void rs35_sessionWithoutTokenOrWithBadTokenGets401() {
        String token = MINT.token().sign();
        String session = initialize(token);
        Response noToken = request().header("Mcp-Session-Id", session).contentType(ContentType.JSON).body(PING).post("/mcp");
        assertThat(noToken.statusCode(), is(401));
        assertThat(post("not-a-jwt", session, PING).statusCode(), is(401));
    }

    @Test
    void rs69_sessionOfAnotherPrincipalIsAnsweredLikeAnUnknownOne() {
        String alice = MINT.token().sign();
        String session = initialize(alice);
        String bob = MINT.token().subject("bob").sign();
        String otherClient = MINT.token().claim("client_id", "other-client").sign();
        assertThat(post(bob, session, PING).statusCode(), is(404));
        assertThat(post(otherClient, session, PING).statusCode(), is(404));
        assertThat(post(alice, "no-such-session", PING).statusCode(), is(404));
        assertThat(post(bob, session, PING).jsonPath().getInt("error.code"), is(-32001));
        assertThat("a refreshed token of the same principal keeps the session",
                   post(MINT.token().sign(), session, PING).statusCode(), is(200));
    }

    @Test
    void nonInitializeRequestWithoutSessionGets400() {
        Response response = withToken(MINT.token().sign()).contentType(ContentType.JSON).body(PING).post("/mcp");
        assertThat(response.statusCode(), is(400));
        assertThat(response.jsonPath().getInt("error.code"), is(-32600));
    }

    @Test
    void deleteEndsOnlyTheCallersOwnSession() {
        String alice = MINT.token().sign();
        String session = initialize(alice);
        String bob = MINT.token().subject("bob").sign();
        assertThat(withToken(bob).header("Mcp-Session-Id", session).delete("/mcp").statusCode(), is(404));
        assertThat(withToken(alice).header("Mcp-Session-Id", session).delete("/mcp").statusCode(), is(204));
        assertThat(post(alice, session, PING).statusCode(), is(404));
    }

    @Test
    void initializedNotificationGets202WithoutBody() {
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(response.statusCode(), is(202));
        assertThat(response.body().asString(), is(""));
    }
}
