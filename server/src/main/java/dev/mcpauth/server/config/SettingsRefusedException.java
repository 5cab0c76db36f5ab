package dev.mcpauth.server.config;

import java.util.List;

/**
 * The configuration contradicts itself, so the server must not start.
 * Carries every problem found, and no stack trace: the message is the whole story.
 */
public final class SettingsRefusedException extends RuntimeException {

    private final List<String> problems;

    public SettingsRefusedException(List<String> problems) {
        super("mcp-auth-server refused to start: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
