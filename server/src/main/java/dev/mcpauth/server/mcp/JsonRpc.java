package dev.mcpauth.server.mcp;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 error codes and response envelopes. */
public final class JsonRpc {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Used by the MCP SDKs for an unknown or expired {@code Mcp-Session-Id} (2025 sub-range). */
    public static final int SESSION_NOT_FOUND = -32001;
    /** 2026-07-28 {@code HeaderMismatch}: a standard header is missing, malformed or differs from the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28 {@code MissingRequiredClientCapability}, with {@code data.requiredCapabilities}. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28 {@code UnsupportedProtocolVersion}, with {@code data.supported} and {@code data.requested}. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpc() {
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, int code, String message) {
        return JsonFactory.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("error", JsonFactory.createObjectBuilder().add("code", code).add("message", message))
                .build();
    }

    public static JsonObject error(JsonValue id, int code, String message, JsonObject data) {
        return JsonFactory.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("error", JsonFactory.createObjectBuilder().add("code", code).add("message", message).add("data", data))
                .build();
    }

    /** Parse errors and invalid envelopes are the client's fault at the HTTP level too: 400; others 200. */
    public static int httpStatusFor(int code) {
        return code == PARSE_ERROR || code == INVALID_REQUEST ? 400 : 200;
    }
}
