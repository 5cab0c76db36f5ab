package dev.mcpauth.server.mcp.stateless;

import static dev.mcpauth.server.support.ModernCalls.body;
import static dev.mcpauth.server.support.ModernCalls.callTool;
import static dev.mcpauth.server.support.ModernCalls.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import dev.mcpauth.server.support.McpCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Authorization under 2026-07-28: every request authenticated (RS-17, RS-35), one 403 challenge
 * naming every scope the operation needs (RS-62, RS-63, RS-64, RS-66), the {@code mcp:admin}
 * hierarchy (RS-65), and no {@code offline_access} anywhere (RS-08, RS-20).
 */
@WithTestIssuer
@HelidonTest
class StatelessScopeTest {

    private static TokenMinter MINT;
    private static final String PRM = TestConfig.PRM_URL;

    @Test
    void rs17_rs20_requestWithoutTokenGets401WithBaselineScopeAndNoOfflineAccess() {
        Response response = McpCalls.request().contentType(ContentType.JSON).header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "server/discover").body(body("server/discover", "")).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer resource_metadata=\"" + PRM + "\", scope=\"mcp:read\""));
        assertThat(response.header("WWW-Authenticate"), not(containsString("offline_access")));
    }

    @Test
    void rs35_aGoodCallDoesNotAuthenticateTheNextOne() {
        assertThat(callTool(MINT.token().sign(), "whoami").statusLine(), is("HTTP/1.1 200 OK"));
        Response again = McpCalls.request().contentType(ContentType.JSON).header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call").header("Mcp-Name", "whoami")
                .body(dev.mcpauth.server.support.ModernCalls.toolCall("whoami")).post("/mcp");
        assertThat(again.statusLine(), is("HTTP/1.1 401 Unauthorized"));
    }

    @Test
    void rs36_expiredTokenGets401NotTheScopeChallenge() {
        Response response = callTool(MINT.token().expiresAt(Instant.now().minusSeconds(600)).sign(), "server_status");
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"invalid_token\", error_description=\"token expired\", "
                + "resource_metadata=\"" + PRM + "\", scope=\"mcp:read\""));
    }

    @Test
    void rs62_rs63_rs64_readTokenOnAdminToolGetsOneChallengeNamingWhatTheCallNeeds() {
        Response response = callTool(MINT.token().sign(), "server_status");
        assertThat(response.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"tool server_status needs mcp:admin\", scope=\"mcp:admin\", resource_metadata=\"" + PRM + "\""));
        assertThat(response.header("Mcp-Session-Id"), is((String) null));
    }

    @Test
    void rs64_rs65_retryWithTheChallengedScopeSucceedsAndAdminImpliesRead() {
        String admin = MINT.token().scope("mcp:admin").sign();
        assertThat(callTool(admin, "server_status").statusLine(), is("HTTP/1.1 200 OK"));
        assertThat("mcp:admin alone covers the mcp:read tools", callTool(admin, "whoami").statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(post(admin, "tools/list", "", body("tools/list", "")).statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void rs66_theSameOperationIsChallengedTheSameWayEachTime() {
        String token = MINT.token().sign();
        String first = callTool(token, "server_status").header("WWW-Authenticate");
        assertThat(callTool(token, "server_status").header("WWW-Authenticate"), is(first));
    }

    @Test
    void tokenWithoutAnyMcpScopeIsChallengedForTheBaselineOnDiscover() {
        Response response = post(MINT.token().scope("email profile").sign(), "server/discover", "", body("server/discover", ""));
        assertThat(response.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"method server/discover needs mcp:read\", scope=\"mcp:read\", resource_metadata=\"" + PRM + "\""));
    }

    @Test
    void rs21_notificationNameWithQuoteBackslashOrNonAsciiGetsAWellFormed403Not5xx() {
        String writeOnly = MINT.token().scope("mcp:write").sign();
        Response response = McpCalls.withToken(writeOnly).contentType(ContentType.JSON)
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "notifications/x")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/\\\"x\\\\\u00e9\\r\"}").post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"method notifications/?x??? needs mcp:read\", scope=\"mcp:read\", resource_metadata=\"" + PRM + "\""));
        assertThat(response.jsonPath().getString("error_description"), is("method notifications/?x??? needs mcp:read"));
    }

    @Test
    void rs08_metadataAdvertisesNoOfflineAccess() {
        Response prm = McpCalls.request().get("/.well-known/oauth-protected-resource/mcp");
        assertThat(prm.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(prm.body().asString(), not(containsString("offline_access")));
    }
}
