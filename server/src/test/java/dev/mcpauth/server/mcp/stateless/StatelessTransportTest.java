package dev.mcpauth.server.mcp.stateless;

import static dev.mcpauth.server.support.ModernCalls.body;
import static dev.mcpauth.server.support.ModernCalls.callTool;
import static dev.mcpauth.server.support.ModernCalls.bare;
import static dev.mcpauth.server.support.ModernCalls.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stateless 2026-07-28 transport (RS-70, RS-71): no {@code initialize}, no session minted or
 * required, {@code server/discover}, results with {@code resultType} and caching hints, removed
 * and unknown methods 404/-32601, GET and DELETE 405.
 */
@WithTestIssuer
@HelidonTest
class StatelessTransportTest {

    private static TokenMinter MINT;

    @Test
    void rs70_discoverNamesEveryVersionAndMintsNoSession() {
        Response response = post(MINT.token().sign(), "server/discover", "", body("server/discover", ""));
        assertThat(response.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(response.contentType(), is("application/json"));
        assertThat(response.header("Mcp-Session-Id"), nullValue());
        assertThat(response.jsonPath().getInt("id"), is(11));
        assertThat(response.jsonPath().getList("result.supportedVersions"), contains("2026-07-28", "2025-11-25", "2025-06-18"));
        assertThat(response.jsonPath().getBoolean("result.capabilities.tools.listChanged"), is(false));
        assertThat(response.jsonPath().getString("result.resultType"), is("complete"));
        assertThat(response.jsonPath().getString("result._meta.'io.modelcontextprotocol/serverInfo'.name"),
                   is("mcp-auth-reference-server"));
        assertThat(response.jsonPath().getLong("result.ttlMs"), is(300_000L));
        assertThat(response.jsonPath().getString("result.cacheScope"), is("public"));
    }

    @Test
    void rs70_toolsWorkWithoutInitializeAndWithoutSession() {
        String token = MINT.token().sign();
        Response list = post(token, "tools/list", "", body("tools/list", ""));
        assertThat(list.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(list.jsonPath().getList("result.tools.name"), contains("get_current_day", "memory_add", "memory_delete", "memory_get",
                            "memory_list", "memory_search", "server_status", "whoami"));
        assertThat(list.jsonPath().getString("result.cacheScope"), is("public"));
        Response whoami = callTool(token, "whoami");
        assertThat(whoami.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(whoami.header("Mcp-Session-Id"), nullValue());
        assertThat(whoami.jsonPath().getString("result.structuredContent.sub"), is("alice"));
        assertThat(whoami.jsonPath().getString("result.resultType"), is("complete"));
        assertThat("tools/call results are not cacheable", whoami.jsonPath().getString("result.ttlMs"), nullValue());
    }

    @Test
    void rs70_aSessionIdHeaderIsIgnored() {
        Response response = bare(MINT.token().sign()).header("Mcp-Method", "tools/list")
                .header("Mcp-Session-Id", "no-such-session").body(body("tools/list", "")).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(response.header("Mcp-Session-Id"), nullValue());
    }

    @Test
    void rs70_getAndDeleteGet405WithOnlyPostAllowed() {
        String token = MINT.token().sign();
        Response get = bare(token).get("/mcp");
        assertThat(get.statusLine(), is("HTTP/1.1 405 Method Not Allowed"));
        assertThat(get.header("Allow"), is("POST, OPTIONS"));
        Response delete = bare(token).header("Mcp-Session-Id", "anything").delete("/mcp");
        assertThat(delete.statusLine(), is("HTTP/1.1 405 Method Not Allowed"));
        assertThat(delete.header("Allow"), is("POST, OPTIONS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"initialize", "ping", "logging/setLevel", "resources/subscribe", "unknown/method"})
    void rs70_removedAndUnknownMethodsGet404MethodNotFound(String method) {
        Response response = post(MINT.token().sign(), method, "", body(method, ""));
        assertThat(response.statusLine(), is("HTTP/1.1 404 Not Found"));
        assertThat(response.jsonPath().getInt("error.code"), is(-32601));
        assertThat(response.jsonPath().getInt("id"), is(11));
    }

    @Test
    void notificationsAreAcceptedAndClientResponsesAreNot() {
        String token = MINT.token().sign();
        Response notification = bare(token).body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}").post("/mcp");
        assertThat(notification.statusLine(), is("HTTP/1.1 202 Accepted"));
        assertThat(notification.body().asString(), is(""));
        Response answer = bare(token).body("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}").post("/mcp");
        assertThat(answer.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(answer.jsonPath().getInt("error.code"), is(-32600));
    }

    @Test
    void parseErrorsAndUnknownToolsKeepTheirJsonRpcCodes() {
        Response parse = bare(MINT.token().sign()).header("Mcp-Method", "tools/list").body("{nope").post("/mcp");
        assertThat(parse.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(parse.jsonPath().getInt("error.code"), is(-32700));
        Response unknownTool = callTool(MINT.token().sign(), "nope");
        assertThat(unknownTool.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(unknownTool.jsonPath().getInt("error.code"), is(-32602));
    }

    @Test
    void legacyClientsStillGetSessionsOnTheSameEndpoint() {
        String token = MINT.token().sign();
        String session = dev.mcpauth.server.support.McpCalls.initialize(token);
        Response ping = dev.mcpauth.server.support.McpCalls.post(token, session, dev.mcpauth.server.support.McpCalls.PING);
        assertThat(ping.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat("legacy results carry no resultType", ping.jsonPath().getString("result.resultType"), nullValue());
    }
}
