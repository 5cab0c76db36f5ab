package dev.mcpauth.server.mcp.stateless;

import static dev.mcpauth.server.support.ModernCalls.META;
import static dev.mcpauth.server.support.ModernCalls.bare;
import static dev.mcpauth.server.support.ModernCalls.body;
import static dev.mcpauth.server.support.ModernCalls.post;
import static dev.mcpauth.server.support.ModernCalls.toolCall;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.mcpauth.server.support.McpCalls;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RS-68 in 2026-07-28: {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} on
 * every POST, checked against the body (400/-32020); an unsupported version (400/-32022 with
 * the supported list); the required {@code _meta} fields (400/-32602).
 */
@WithTestIssuer
@HelidonTest
class StatelessValidationTest {

    private static TokenMinter MINT;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mcp-Method missing    | tools/list |        | | Header mismatch: Mcp-Method header is required",
            "Mcp-Method differs    | tools/list | prompts/list | | "
                    + "Header mismatch: Mcp-Method header value 'prompts/list' does not match body value 'tools/list'",
            "Mcp-Method other case | tools/list | Tools/List | | "
                    + "Header mismatch: Mcp-Method header value 'Tools/List' does not match body value 'tools/list'",
            "Mcp-Name missing      | tools/call | tools/call | | Header mismatch: Mcp-Name header is required for tools/call",
            "Mcp-Name differs      | tools/call | tools/call | wrong_tool | "
                    + "Header mismatch: Mcp-Name header value 'wrong_tool' does not match body value 'whoami'",
            "Mcp-Name bad base64   | tools/call | tools/call | =?base64?***?= | "
                    + "Header mismatch: Mcp-Name header has an invalid Base64 value"})
    void rs68_standardHeaderProblemsGet400HeaderMismatch(String name, String method, String mcpMethod, String mcpName,
                                                         String message) {
        String body = method.equals("tools/call") ? toolCall("whoami") : body(method, "");
        var spec = bare(MINT.token().scope("mcp:admin").sign());
        spec = mcpMethod == null ? spec : spec.header("Mcp-Method", mcpMethod);
        spec = mcpName == null ? spec : spec.header("Mcp-Name", mcpName);
        Response response = spec.body(body).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getInt("error.code"), is(-32020));
        assertThat(response.jsonPath().getString("error.message"), is(message));
        assertThat(response.jsonPath().getInt("id"), is(11));
    }

    @Test
    void rs68_mcpNameMayBePaddedOrBase64EncodedAndIsThenAccepted() {
        String token = MINT.token().sign();
        assertThat(post(token, "tools/call", "  whoami  ", toolCall("whoami")).statusLine(), is("HTTP/1.1 200 OK"));
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("whoami".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(post(token, "tools/call", encoded, toolCall("whoami")).statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void mcpNameOnAMethodThatNamesNothingIsIgnoredButANamedMethodWithoutItsNameIsRefused() {
        String token = MINT.token().sign();
        assertThat(post(token, "tools/list", "whoami", body("tools/list", "")).statusLine(), is("HTTP/1.1 200 OK"));
        Response nameless = post(token, "tools/call", "whoami", body("tools/call", "\"arguments\":{}"));
        assertThat(nameless.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(nameless.jsonPath().getString("error.message"),
                   is("Header mismatch: Mcp-Name header is present but the body has no params.name"));
    }

    @Test
    void rs68_headerAndMetaVersionsMustAgree() {
        String token = MINT.token().sign();
        Response differs = post(token, "server/discover", "", body("server/discover", "").replace(
                "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"", "\"io.modelcontextprotocol/protocolVersion\":\"v999\""));
        assertThat(differs.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(differs.jsonPath().getInt("error.code"), is(-32020));
        assertThat(differs.jsonPath().getString("error.message"),
                   is("Header mismatch: MCP-Protocol-Version header value '2026-07-28' does not match body value 'v999'"));
        Response absent = McpCalls.withToken(token).contentType(ContentType.JSON).header("Mcp-Method", "server/discover")
                .body(body("server/discover", "")).post("/mcp");
        assertThat(absent.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(absent.jsonPath().getString("error.message"), is("Header mismatch: MCP-Protocol-Version header is required"));
    }

    @Test
    void rs68_unsupportedVersionGets400WithTheSupportedList() {
        Response response = McpCalls.withToken(MINT.token().sign()).contentType(ContentType.JSON)
                .header("MCP-Protocol-Version", "v999.0.0").header("Mcp-Method", "server/discover")
                .body(body("server/discover", "").replace("2026-07-28", "v999.0.0")).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getInt("id"), is(11));
        assertThat(response.jsonPath().getInt("error.code"), is(-32022));
        assertThat(response.jsonPath().getString("error.message"), is("Unsupported protocol version"));
        assertThat(response.jsonPath().getList("error.data.supported"), contains("2026-07-28", "2025-11-25", "2025-06-18"));
        assertThat(response.jsonPath().getString("error.data.requested"), is("v999.0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no _meta                  | {}                                                       | params._meta is required",
            "no protocolVersion        | {\"io.modelcontextprotocol/clientCapabilities\":{}}       | "
                    + "params._meta.io.modelcontextprotocol/protocolVersion is required",
            "no clientCapabilities     | {\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"} | "
                    + "params._meta.io.modelcontextprotocol/clientCapabilities is required"})
    void missingRequiredMetaFieldsGet400InvalidParams(String name, String meta, String message) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"server/discover\",\"params\":"
                + (meta.equals("{}") ? "{}" : "{\"_meta\":" + meta + "}") + "}";
        Response response = post(MINT.token().sign(), "server/discover", "", body);
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getInt("error.code"), is(-32602));
        assertThat(response.jsonPath().getString("error.message"), is("Invalid params: " + message));
        assertThat(response.jsonPath().getInt("id"), is(12));
    }

    @Test
    void clientInfoIsOptional() {
        String meta = META.replace("\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"},", "");
        String body = "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"server/discover\",\"params\":{" + meta + "}}";
        assertThat(post(MINT.token().sign(), "server/discover", "", body).statusLine(), is("HTTP/1.1 200 OK"));
    }
}
