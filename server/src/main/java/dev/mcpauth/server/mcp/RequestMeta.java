package dev.mcpauth.server.mcp;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The per-request protocol fields a 2026-07-28 request carries in {@code params._meta}
 * (basic/index "Per-request protocol fields"): {@value #PROTOCOL_VERSION} and
 * {@value #CLIENT_CAPABILITIES} are required, {@code clientInfo} is optional.
 */
record RequestMeta(Optional<JsonObject> meta) {

    static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

    static RequestMeta of(JsonRpcMessage.Request request) {
        return new RequestMeta(request.params().get("_meta") instanceof JsonObject meta ? Optional.of(meta) : Optional.empty());
    }

    /** The declared protocol version, if {@code _meta} has one as a string. */
    Optional<String> protocolVersion() {
        return meta.flatMap(m -> m.get(PROTOCOL_VERSION) instanceof JsonString v ? Optional.of(v.getString()) : Optional.empty());
    }

    /** The declared client capabilities ({@code {}} when absent or not an object). */
    JsonObject clientCapabilities() {
        return meta.map(m -> m.get(CLIENT_CAPABILITIES) instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** {@value #LOG_LEVEL}: the minimum level the client wants logs at; none means no logs at all. */
    Optional<String> logLevel() {
        return meta.flatMap(m -> m.get(LOG_LEVEL) instanceof JsonString v ? Optional.of(v.getString()) : Optional.empty())
                .filter(LogLevels::isLevel);
    }

    /** What makes the request malformed (answered 400 with -32602), if anything. */
    Optional<String> problem() {
        if (meta.isEmpty()) {
            return Optional.of("params._meta is required");
        }
        if (protocolVersion().isEmpty()) {
            return Optional.of("params._meta." + PROTOCOL_VERSION + " is required");
        }
        if (!(meta.get().get(CLIENT_CAPABILITIES) instanceof JsonObject)) {
            return Optional.of("params._meta." + CLIENT_CAPABILITIES + " is required");
        }
        return Optional.empty();
    }
}
