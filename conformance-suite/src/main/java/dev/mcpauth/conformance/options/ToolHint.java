package dev.mcpauth.conformance.options;

import java.util.List;
import java.util.Objects;

/**
 * A tool the operator declares safe for the suite to call with empty arguments ({@code --tool NAME[=SCOPE,...]}),
 * and the scopes it needs. It stands in for the {@code readOnlyHint} annotation or the {@code _meta} scope
 * declaration that most servers' tools do not carry.
 *
 * @param name   the tool's name as {@code tools/list} gives it
 * @param scopes the scopes a call needs; empty: the baseline scope suffices
 */
public record ToolHint(String name, List<String> scopes) {
    public ToolHint {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool hint needs a tool name");
        }
        scopes = List.copyOf(scopes);
        if (scopes.stream().anyMatch(s -> s.isBlank() || s.contains(" "))) {
            throw new IllegalArgumentException("a tool hint's scopes must be single non-empty scopes: " + scopes);
        }
    }

    /** {@code NAME} or {@code NAME=SCOPE,SCOPE...} (commas or spaces between scopes). */
    public static ToolHint parse(String value) {
        int eq = value.indexOf('=');
        String name = (eq < 0 ? value : value.substring(0, eq)).strip();
        List<String> scopes = eq < 0 ? List.of()
                : java.util.Arrays.stream(value.substring(eq + 1).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        if (eq >= 0 && scopes.isEmpty()) {
            throw new IllegalArgumentException("--tool " + name + "= names no scope; write --tool " + name
                    + " when the baseline scope suffices");
        }
        return new ToolHint(name, scopes);
    }
}
