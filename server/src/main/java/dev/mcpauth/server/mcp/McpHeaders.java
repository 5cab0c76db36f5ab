package dev.mcpauth.server.mcp;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The request headers the MCP transport cares about, read once. Values are stripped of
 * surrounding whitespace (RFC 9110 §5.5 optional whitespace); an empty value counts as absent.
 *
 * @param mcpMethod {@code Mcp-Method} (2026-07-28)
 * @param mcpName   {@code Mcp-Name} (2026-07-28), still possibly Base64-sentinel encoded
 * @param accept    {@code Accept}: an SSE stream is only sent to a client that lists {@code text/event-stream}
 */
record McpHeaders(Optional<String> protocolVersion,
                  Optional<String> sessionId,
                  Optional<String> contentType,
                  Optional<String> mcpMethod,
                  Optional<String> mcpName,
                  Optional<String> accept) {

    static final String MCP_METHOD = "Mcp-Method";
    static final String MCP_NAME = "Mcp-Name";

    static McpHeaders of(HttpHeaders headers) {
        return new McpHeaders(value(headers, ProtocolVersionPolicy.HEADER),
                              value(headers, McpResponses.SESSION_HEADER),
                              value(headers, HttpHeaders.CONTENT_TYPE),
                              value(headers, MCP_METHOD),
                              value(headers, MCP_NAME),
                              value(headers, HttpHeaders.ACCEPT));
    }

    /** Clients MUST send {@code application/json}; a missing type is tolerated. */
    boolean isJsonOrAbsent() {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/json")).orElse(true);
    }

    /** Whether the client takes an SSE stream as the answer to a POST. */
    boolean acceptsEventStream() {
        return accept.map(a -> a.toLowerCase(Locale.ROOT).contains("text/event-stream")).orElse(false);
    }

    /** The transport era this request asks for. */
    ProtocolEra era() {
        return ProtocolEra.of(protocolVersion);
    }

    private static Optional<String> value(HttpHeaders headers, String name) {
        return Optional.ofNullable(headers.getHeaderString(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
