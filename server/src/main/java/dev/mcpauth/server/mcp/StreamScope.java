package dev.mcpauth.server.mcp;

import java.util.Optional;

import jakarta.json.JsonObject;

/**
 * Who a streamed {@code tools/call} answers to.
 *
 * @param sessionId          the 2025 session a request to the client is answered in; empty in
 *                           2026-07-28, whose streams carry no server requests (they use MRTR)
 * @param clientCapabilities what the client declared ({@code initialize}, or the request's {@code _meta})
 * @param logMinimum         the least severe level the client receives; empty: no log notifications
 */
record StreamScope(Optional<String> sessionId, JsonObject clientCapabilities, Optional<String> logMinimum) {

    /** 2025 sessions: the session's capabilities and {@code logging/setLevel} (default {@code info}). */
    static StreamScope of(McpSessions.McpSession session) {
        return new StreamScope(Optional.of(session.id()), session.clientCapabilities(),
                               session.logLevel().or(() -> Optional.of(LogLevels.DEFAULT_MINIMUM)));
    }

    /** 2026-07-28: logs only if the request set {@code _meta.io.modelcontextprotocol/logLevel}. */
    static StreamScope of(RequestMeta meta) {
        return new StreamScope(Optional.empty(), meta.clientCapabilities(), meta.logLevel());
    }
}
