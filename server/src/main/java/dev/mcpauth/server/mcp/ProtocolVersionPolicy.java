package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;

/**
 * MCP protocol versions this server speaks and how a request picks its era (RS-68):
 * <ul>
 *     <li>{@value #MODERN} (stateless, per-request {@code _meta}, no {@code initialize}) when the
 *     {@code MCP-Protocol-Version} header says so;</li>
 *     <li>the legacy versions {@link #LEGACY} (an {@code initialize} handshake and a session)
 *     otherwise. A legacy request without the header is accepted: the 2025 transport tells
 *     servers to fall back to the session's version, not to refuse.</li>
 * </ul>
 * A present, unsupported header is answered with {@code UnsupportedProtocolVersionError}
 * (400, {@code -32022}) in either era.
 */
public final class ProtocolVersionPolicy {

    public static final String HEADER = "MCP-Protocol-Version";
    public static final String MODERN = "2026-07-28";
    /** Versions negotiable at {@code initialize}, newest first. */
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18");
    /** Every version this server serves, newest first (also {@code server/discover}'s list). */
    public static final List<String> SUPPORTED = List.of(MODERN, "2025-11-25", "2025-06-18");

    private ProtocolVersionPolicy() {
    }

    /** Whether a request with this header value may proceed. */
    public static boolean isAcceptable(Optional<String> headerValue) {
        return headerValue.map(SUPPORTED::contains).orElse(true);
    }

    /** Whether the request asks for the stateless 2026-07-28 transport. */
    public static boolean isModern(Optional<String> headerValue) {
        return headerValue.filter(MODERN::equals).isPresent();
    }

    /** At {@code initialize}: the requested legacy version if supported, else the latest legacy one. */
    public static String negotiate(Optional<String> requested) {
        return requested.filter(LEGACY::contains).orElse(LEGACY.getFirst());
    }
}
