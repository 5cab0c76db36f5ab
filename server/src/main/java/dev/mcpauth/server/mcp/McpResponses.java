package dev.mcpauth.server.mcp;

import dev.mcpauth.server.auth.BearerChallenge;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP responses the MCP endpoint gives, in one place so statuses stay consistent. */
final class McpResponses {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private McpResponses() {
    }

    static Response jsonRpc(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    static Response jsonRpcError(JsonValue id, int code, String message) {
        return jsonRpc(JsonRpc.httpStatusFor(code), JsonRpc.error(id, code, message));
    }

    /** 202 for notifications and client responses (Streamable HTTP). */
    static Response accepted() {
        return Response.accepted().build();
    }

    /** RS-68: unsupported {@code MCP-Protocol-Version}. */
    static Response unsupportedVersion(String version) {
        String supported = String.join(", ", ProtocolVersionPolicy.SUPPORTED);
        return jsonRpc(400, JsonRpc.error(JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                "Bad Request: unsupported MCP-Protocol-Version " + printable(version) + " (supported: " + supported + ")"));
    }

    /** A non-initialize request without {@code Mcp-Session-Id}. */
    static Response sessionRequired(JsonValue id) {
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
    }

    /** Unknown, expired or someone else's session: the same answer for all three (RS-69). */
    static Response sessionNotFound(JsonValue id) {
        return jsonRpc(404, JsonRpc.error(id, JsonRpc.SESSION_NOT_FOUND, "Session not found"));
    }

    /** RS-62, RS-63: an HTTP 403 with the step-up challenge, not a JSON-RPC error. */
    static Response insufficientScope(BearerChallenge challenge) {
        return Response.status(challenge.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(challenge.jsonBody())
                .build();
    }

    static Response plainError(int status, String error, String description) {
        JsonObject body = Json.createObjectBuilder().add("error", error).add("error_description", description).build();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }
}
