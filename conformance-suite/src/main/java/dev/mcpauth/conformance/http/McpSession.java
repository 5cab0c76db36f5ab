package dev.mcpauth.conformance.http;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@code initialize} handshake produced.
 *
 * @param sessionId       the {@code Mcp-Session-Id} the server assigned, if any
 * @param protocolVersion the version to send in {@code MCP-Protocol-Version} from now on
 * @param initialize      the initialize exchange
 * @param initialized     the {@code notifications/initialized} exchange, when initialize worked
 */
public record McpSession(Optional<String> sessionId,
                         String protocolVersion,
                         Response initialize,
                         Optional<Response> initialized) {
    public McpSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(initialize, "initialize");
        Objects.requireNonNull(initialized, "initialized");
    }

    /** Initialize answered 200 with a JSON-RPC result. */
    public boolean established() {
        return initialize.status() == 200
                && McpClient.message(initialize).map(m -> m.containsKey("result")).orElse(false);
    }

    public List<Response> responses() {
        return initialized.isPresent() ? List.of(initialize, initialized.get()) : List.of(initialize);
    }

    /** The JSON-RPC result of initialize, if any. */
    public Optional<JsonObject> result() {
        return McpClient.message(initialize).map(m -> m.get("result"))
                .filter(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT)
                .map(JsonObject.class::cast);
    }
}
