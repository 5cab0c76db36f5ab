package dev.mcpauth.server.mcp;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.PING;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streamable HTTP around the auth checks: Origin (RS-67), CORS (RS-14, RS-73), protocol version
 * (RS-68), JSON-RPC error codes (never a 5xx), GET/DELETE, and negotiation.
 */
@WithTestIssuer
@HelidonTest
class TransportTest {

    static final String BROWSER = "http://localhost:6274";

    private static TokenMinter MINT;

    @Test
    void rs67_disallowedOriginGets403EvenWithValidToken() {
        Response response = withToken(MINT.token().sign()).header("Origin", "https://evil.test")
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(response.statusCode(), is(403));
        assertThat(response.jsonPath().getString("error"), is("forbidden"));
        assertThat(request().header("Origin", "null").contentType(ContentType.JSON).body(INITIALIZE).post("/mcp")
                           .statusCode(), is(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mcp/", "/mcp//", "/mcp%2F"})
    void rs67_pathVariantsThatReachTheEndpointGetTheSameOriginCheck(String path) {
        Response response = withToken(MINT.token().sign()).header("Origin", "https://evil.test")
                .urlEncodingEnabled(false).contentType(ContentType.JSON).body(INITIALIZE).post(path);
        assertThat(response.statusCode(), org.hamcrest.Matchers.either(is(403)).or(is(404)));
    }

    @Test
    void rs30_headerPlusFormTokenOnTrailingSlashPathIsStillInvalidRequest() {
        String token = MINT.token().sign();
        Response response = withToken(token).contentType(ContentType.URLENC).formParam("access_token", token).post("/mcp/");
        assertThat(response.statusCode(), is(400));
    }

    @Test
    void rs67_rs14_allowedOriginGetsCorsHeadersOnSuccessAndOnChallenge() {
        Response ok = withToken(MINT.token().sign()).header("Origin", BROWSER)
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(ok.statusCode(), is(200));
        assertThat(ok.header("Access-Control-Allow-Origin"), is(BROWSER));
        assertThat(ok.header("Access-Control-Expose-Headers"), is("WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version"));
        Response challenge = request().header("Origin", BROWSER).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(challenge.statusCode(), is(401));
        assertThat(challenge.header("Access-Control-Allow-Origin"), is(BROWSER));
        assertThat(challenge.header("Access-Control-Expose-Headers"), startsWith("WWW-Authenticate"));
    }

    @Test
    void rs67_resourceOwnOriginIsAllowed() {
        Response response = withToken(MINT.token().sign()).header("Origin", "http://127.0.0.1:8080")
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(response.statusCode(), is(200));
    }

    @Test
    void rs73_preflightFromAllowedOriginNeedsNoToken() {
        Response response = request().header("Origin", BROWSER)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version")
                .options("/mcp");
        assertThat(response.statusCode(), is(204));
        assertThat(response.header("Access-Control-Allow-Origin"), is(BROWSER));
        assertThat(response.header("Access-Control-Allow-Methods"), is("POST, GET, DELETE, OPTIONS"));
        assertThat(response.header("Access-Control-Allow-Headers"), is("Authorization, Content-Type, Accept, "
                + "Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID"));
        assertThat(response.header("WWW-Authenticate"), nullValue());
    }

    @Test
    void rs68_unsupportedProtocolVersionGets400WithValidToken() {
        String token = MINT.token().sign();
        String session = initialize(token);
        Response response = withToken(token).header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "1999-01-01")
                .contentType(ContentType.JSON).body(PING).post("/mcp");
        assertThat(response.statusCode(), is(400));
        assertThat("the 2026-07-28 UnsupportedProtocolVersionError, so modern clients can tell a modern server",
                   response.jsonPath().getInt("error.code"), is(-32022));
        assertThat(response.jsonPath().getString("error.data"), is("[supported:[2026-07-28, 2025-11-25, 2025-06-18], requested:1999-01-01]"));
    }

    @Test
    void rs68_supportedOrAbsentProtocolVersionIsAccepted() {
        String token = MINT.token().sign();
        String session = initialize(token);
        assertThat(withToken(token).header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25")
                           .contentType(ContentType.JSON).body(PING).post("/mcp").statusCode(), is(200));
        assertThat(withToken(token).header("Mcp-Session-Id", session)
                           .contentType(ContentType.JSON).body(PING).post("/mcp").statusCode(), is(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-06-18 | 2025-06-18",
            "2025-11-25 | 2025-11-25",
            "2024-11-05 | 2025-11-25",
            "2026-07-28 | 2025-11-25"})
    void initializeNegotiatesTheRequestedVersionOrTheLatest(String requested, String negotiated) {
        String body = INITIALIZE.replace("2025-06-18", requested);
        Response response = withToken(MINT.token().sign()).contentType(ContentType.JSON).body(body).post("/mcp");
        assertThat(response.jsonPath().getString("result.protocolVersion"), is(negotiated));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "parse error                | {not json                                                          | 400 | -32700",
            "batch                      | [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]                | 400 | -32600",
            "wrong jsonrpc version      | {\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}                  | 400 | -32600",
            "method not a string        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}                         | 400 | -32600",
            "id is an object            | {\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}                 | 400 | -32600",
            "unknown method             | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\"}   | 200 | -32601",
            "params not an object       | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[]} | 200 | -32602",
            "tools/call without name    | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}} | 200 | -32602",
            "tools/call unknown tool    | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}} | 200 | -32602",
            "arguments not an object    | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":1}} | 200 | -32602"})
    void jsonRpcErrorsHaveTheirCodesAndNeverA5xx(String name, String body, int status, int code) {
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), body);
        assertThat(response.statusCode(), is(status));
        assertThat(response.jsonPath().getInt("error.code"), is(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {1_001, 100_000})
    void deeplyNestedBodyIsAParseErrorNeverA5xx(int depth) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":"
                + "[".repeat(depth) + "]".repeat(depth) + "}}";
        Response anonymous = request().contentType(ContentType.JSON).body(body).post("/mcp");
        assertThat(anonymous.statusCode(), is(401));
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), body);
        assertThat(response.statusCode(), is(400));
        assertThat(response.jsonPath().getInt("error.code"), is(-32700));
    }

    @Test
    void initializeWithoutProtocolVersionIsInvalidParams() {
        Response response = withToken(MINT.token().sign()).contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}").post("/mcp");
        assertThat(response.statusCode(), is(200));
        assertThat(response.jsonPath().getInt("error.code"), is(-32602));
    }

    @Test
    void nonJsonContentTypeWithValidTokenGets415() {
        Response response = withToken(MINT.token().sign()).contentType(ContentType.TEXT).body(PING).post("/mcp");
        assertThat(response.statusCode(), is(415));
    }

    @Test
    void getWithValidTokenGets405WithAllow() {
        Response response = withToken(MINT.token().sign()).get("/mcp");
        assertThat(response.statusCode(), is(405));
        assertThat(response.header("Allow"), is("POST, DELETE, OPTIONS"));
    }

    @Test
    void getCurrentDayAnswersInUtcOrTheGivenZoneAndRejectsUnknownZones() {
        String token = MINT.token().sign();
        String session = initialize(token);
        Response utc = post(token, session, toolCall("get_current_day"));
        assertThat(utc.jsonPath().getString("result.structuredContent.time_zone"), is("Z"));
        Response tokyo = post(token, session, toolCall("get_current_day").replace("{}", "{\"time_zone\":\"Asia/Tokyo\"}"));
        assertThat(tokyo.jsonPath().getString("result.structuredContent.time_zone"), is("Asia/Tokyo"));
        Response bad = post(token, session, toolCall("get_current_day").replace("{}", "{\"time_zone\":\"Mars/Base\"}"));
        assertThat(bad.jsonPath().getBoolean("result.isError"), is(true));
    }

    @Test
    void unknownPathsAreClientErrors() {
        assertThat(request().get("/mcp/").statusCode(), lessThan(500));
        assertThat(request().get("/nothing-here").statusCode(), is(404));
    }

    @Test
    void serverStatusCountsDecisionsByReason() {
        request().contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        String admin = MINT.token().scope("mcp:admin").sign();
        Response status = post(admin, initialize(admin), toolCall("server_status"));
        assertThat(status.jsonPath().getInt("result.structuredContent.auth_decisions_by_reason.missing_token") > 0, is(true));
        assertThat(status.jsonPath().getString("result.structuredContent.resource"), is(TestConfig.RESOURCE));
        assertThat(status.jsonPath().getList("result.structuredContent.trusted_key_ids"), contains("k1", "e1"));
    }
}
