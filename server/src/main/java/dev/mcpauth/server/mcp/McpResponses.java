package dev.mcpauth.server.mcp;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP responses the MCP endpoint gives, in one place so statuses stay consistent. */
public final class McpResponses {

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

    /**
     * RS-68: a present, unsupported {@code MCP-Protocol-Version}. The 2026-07-28
     * {@code UnsupportedProtocolVersionError} (400, {@code -32022}, the supported versions and the
     * requested one) in every era: a 2025 client only needs the 400, a 2026 client needs the body
     * to tell a 2026 server from a 2025 one.
     */
    static Response unsupportedVersion(JsonValue id, String requested) {
        JsonArrayBuilder supported = JsonFactory.createArrayBuilder();
        ProtocolVersionPolicy.SUPPORTED.forEach(supported::add);
        JsonObject data = JsonFactory.createObjectBuilder().add("supported", supported).add("requested", printable(requested)).build();
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data));
    }

    /** RS-68 (2026-07-28): a standard header missing, malformed or not matching the body. */
    static Response headerMismatch(JsonValue id, String detail) {
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.HEADER_MISMATCH, "Header mismatch: " + detail));
    }

    /** 2026-07-28: a request without the required {@code _meta} fields is malformed: 400, -32602. */
    static Response invalidRequestMeta(JsonValue id, String detail) {
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: " + detail));
    }

    /** 2026-07-28: the call needs a client capability the request's {@code _meta} does not declare: 400, -32021. */
    static Response missingClientCapability(JsonValue id, String capability) {
        JsonObject data = JsonFactory.createObjectBuilder().add("requiredCapabilities",
                JsonFactory.createObjectBuilder().add(capability, JsonValue.EMPTY_JSON_OBJECT)).build();
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.MISSING_REQUIRED_CLIENT_CAPABILITY,
                "Server requires the " + capability + " capability for this request", data));
    }

    /** 2026-07-28: a method this server does not implement (for that era) is 404 with -32601. */
    static Response methodNotFound(JsonValue id) {
        return jsonRpc(404, JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found"));
    }

    /** GET (no standalone SSE stream) and, in 2026-07-28, DELETE (no sessions): 405. */
    static Response methodNotAllowed(ProtocolEra era) {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, era == ProtocolEra.STATELESS_2026 ? "POST, OPTIONS" : "POST, DELETE, OPTIONS")
                .build();
    }

    /** A non-initialize request without {@code Mcp-Session-Id}. */
    static Response sessionRequired(JsonValue id) {
        return jsonRpc(400, JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
    }

    /** Unknown, expired or someone else's session: the same answer for all three (RS-69). */
    static Response sessionNotFound(JsonValue id) {
        return jsonRpc(404, JsonRpc.error(id, JsonRpc.SESSION_NOT_FOUND, "Session not found"));
    }

    /** An HTTP error that is not JSON-RPC: {@code {"error":…,"error_description":…}}. */
    public static Response plainError(int status, String error, String description) {
        JsonObject body = JsonFactory.createObjectBuilder().add("error", error).add("error_description", description).build();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    /**
     * Client-supplied text fit for a quoted {@code WWW-Authenticate} parameter (RFC 6750 §3): as
     * {@link #printable(String)}, and without {@code "} or {@code \}.
     */
    public static String quotable(String value) {
        return printable(value).replaceAll("[\"\\\\]", "?");
    }

    /** Client-supplied text fit to quote back: visible ASCII only, at most 64 characters. */
    static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
    }
}
