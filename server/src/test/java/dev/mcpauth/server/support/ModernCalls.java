package dev.mcpauth.server.support;

import static dev.mcpauth.server.support.McpCalls.request;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests in the stateless 2026-07-28 shape: {@code MCP-Protocol-Version}, {@code Mcp-Method},
 * {@code Mcp-Name} headers and the per-request {@code _meta}, with no {@code initialize}.
 */
public final class ModernCalls {

    public static final String VERSION = "2026-07-28";
    public static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private ModernCalls() {
    }

    /** A JSON-RPC request body with id 11, {@code params} = {@code paramsMembers} plus the standard {@code _meta}. */
    public static String body(String method, String paramsMembers) {
        String params = paramsMembers.isEmpty() ? META : paramsMembers + "," + META;
        return "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"" + method + "\",\"params\":{" + params + "}}";
    }

    /** The body of a {@code tools/call} of {@code tool} with no arguments. */
    public static String toolCall(String tool) {
        return body("tools/call", "\"name\":\"" + tool + "\",\"arguments\":{}");
    }

    /** A request with the protocol version header only; the test adds the rest. */
    public static RequestSpecification bare(String token) {
        return request().header("Authorization", "Bearer " + token)
                .header("MCP-Protocol-Version", VERSION)
                .contentType(ContentType.JSON);
    }

    /** A conformant request: all standard headers as a 2026-07-28 client sends them. */
    public static Response post(String token, String method, String mcpName, String body) {
        RequestSpecification spec = bare(token).header("Mcp-Method", method);
        if (!mcpName.isEmpty()) {
            spec = spec.header("Mcp-Name", mcpName);
        }
        return spec.body(body).post("/mcp");
    }

    /** {@code tools/call} of {@code tool} with conformant headers. */
    public static Response callTool(String token, String tool) {
        return post(token, "tools/call", tool, toolCall(tool));
    }
}
