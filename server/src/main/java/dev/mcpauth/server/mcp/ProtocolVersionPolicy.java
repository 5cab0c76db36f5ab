package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;

/**
 * MCP protocol versions this server speaks, the {@code MCP-Protocol-Version} header check
 * (RS-68: present and unsupported → 400) and {@code initialize} negotiation. A request without
 * the header is accepted: the transport spec tells servers to fall back to the version negotiated
 * for the session (or 2025-03-26 when there is none), not to refuse.
 */
public final class ProtocolVersionPolicy {

    public static final String HEADER = "MCP-Protocol-Version";
    public static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18");
    public static final String LATEST = SUPPORTED.getFirst();

    private ProtocolVersionPolicy() {
    }

    /** Whether a request with this header value may proceed. */
    public static boolean isAcceptable(Optional<String> headerValue) {
        return headerValue.map(SUPPORTED::contains).orElse(true);
    }

    /** The requested version if supported, else the latest this server supports. */
    public static String negotiate(Optional<String> requested) {
        return requested.filter(SUPPORTED::contains).orElse(LATEST);
    }
}
