package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.mcp.tools.PlainToolContext;
import dev.mcpauth.server.mcp.tools.ToolContext;

/**
 * What a dispatched request runs in: the 2025 session, if any (absent in 2026-07-28), and what
 * a tool may send before its result.
 */
public record CallContext(Optional<McpSessions.McpSession> session, ToolContext tools) {

    /** A 2026-07-28 call answered with plain JSON: no session; the capabilities come from {@code _meta}. */
    static CallContext stateless(RequestMeta meta) {
        return new CallContext(Optional.empty(), new PlainToolContext(meta.clientCapabilities()));
    }

    /** A 2025 session call answered with plain JSON. */
    static CallContext inSession(McpSessions.McpSession session) {
        return new CallContext(Optional.of(session), new PlainToolContext(session.clientCapabilities()));
    }
}
