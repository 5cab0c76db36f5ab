package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.mcp.tools.ToolContext;

/**
 * What a dispatched request runs in: the legacy session, if any (absent in 2026-07-28), and what
 * a tool may send before its result.
 */
public record CallContext(Optional<McpSessions.McpSession> session, ToolContext tools) {

    /** A 2026-07-28 call: no session, a plain JSON response. */
    public static CallContext stateless() {
        return new CallContext(Optional.empty(), ToolContext.none());
    }

    /** A legacy call answered with plain JSON. */
    public static CallContext inSession(McpSessions.McpSession session) {
        return new CallContext(Optional.of(session), ToolContext.none());
    }
}
