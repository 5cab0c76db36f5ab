package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;

/**
 * MCP protocol versions this server speaks (RS-68), by {@link ProtocolEra}. A present,
 * unsupported {@code MCP-Protocol-Version} header is answered with
 * {@code UnsupportedProtocolVersionError} (400, {@code -32022}) in either era.
 */
public final class ProtocolVersionPolicy {

    public static final String HEADER = "MCP-Protocol-Version";
    /** Every version this server serves, newest first (also {@code server/discover}'s list). */
    public static final List<String> SUPPORTED = List.of(ProtocolEra.STATELESS_2026.latest(), "2025-11-25", "2025-06-18");

    private ProtocolVersionPolicy() {
    }

    /** Whether a request with this header value may proceed. */
    public static boolean isAcceptable(Optional<String> headerValue) {
        return headerValue.map(SUPPORTED::contains).orElse(true);
    }

    /** At {@code initialize}: the requested 2025 version if supported, else the latest 2025 one. */
    public static String negotiate(Optional<String> requested) {
        return requested.filter(ProtocolEra.SESSIONS_2025.versions()::contains).orElse(ProtocolEra.SESSIONS_2025.latest());
    }
}
