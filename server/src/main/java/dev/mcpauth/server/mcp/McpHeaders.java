package dev.mcpauth.server.mcp;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

/** The request headers the MCP transport cares about, read once. */
record McpHeaders(Optional<String> protocolVersion, Optional<String> sessionId, Optional<String> contentType) {

    static McpHeaders of(HttpHeaders headers) {
        return new McpHeaders(value(headers, ProtocolVersionPolicy.HEADER),
                              value(headers, McpResponses.SESSION_HEADER),
                              value(headers, HttpHeaders.CONTENT_TYPE));
    }

    /** Clients MUST send {@code application/json}; a missing type is tolerated. */
    boolean isJsonOrAbsent() {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/json")).orElse(true);
    }

    private static Optional<String> value(HttpHeaders headers, String name) {
        return Optional.ofNullable(headers.getHeaderString(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
