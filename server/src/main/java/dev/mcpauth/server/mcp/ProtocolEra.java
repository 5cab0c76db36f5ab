package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;

/**
 * The two shapes of the MCP transport this server speaks, named by the spec versions they cover
 * (RS-68). A request picks its era by its {@code MCP-Protocol-Version} header.
 */
public enum ProtocolEra {

    /**
     * 2025-06-18 and 2025-11-25: an {@code initialize} handshake mints an {@code Mcp-Session-Id}
     * session that every later request names. A request without the header belongs here: the 2025
     * transport tells servers to fall back to the session's version, not to refuse.
     */
    SESSIONS_2025(List.of("2025-11-25", "2025-06-18")),

    /**
     * 2026-07-28: stateless; no session, no {@code initialize}; each request carries its own
     * {@code _meta}, {@code Mcp-Method} and {@code Mcp-Name} headers; {@code server/discover}.
     */
    STATELESS_2026(List.of("2026-07-28"));

    private final List<String> versions;

    ProtocolEra(List<String> versions) {
        this.versions = versions;
    }

    /** The spec versions of this era, newest first. */
    public List<String> versions() {
        return versions;
    }

    /** The newest version of this era. */
    public String latest() {
        return versions.getFirst();
    }

    /** The era a request belongs to, from its {@code MCP-Protocol-Version} header (absent: 2025 sessions). */
    public static ProtocolEra of(Optional<String> headerValue) {
        return headerValue.filter(STATELESS_2026.versions::contains).isPresent() ? STATELESS_2026 : SESSIONS_2025;
    }
}
