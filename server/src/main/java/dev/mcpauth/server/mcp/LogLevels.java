package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;

/** The syslog severities MCP logging uses, least severe first, and the session filter. */
public final class LogLevels {

    public static final List<String> ORDER =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");
    /** What a session that never called {@code logging/setLevel} receives. */
    static final String DEFAULT_MINIMUM = "info";

    private LogLevels() {
    }

    public static boolean isLevel(String level) {
        return ORDER.contains(level);
    }

    /** Whether a message at {@code level} goes to a client whose minimum is {@code minimum} (none: nothing goes). */
    static boolean passes(String level, Optional<String> minimum) {
        return minimum.map(m -> ORDER.indexOf(level) >= ORDER.indexOf(m)).orElse(false);
    }
}
