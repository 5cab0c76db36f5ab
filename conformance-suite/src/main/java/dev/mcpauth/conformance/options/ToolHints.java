package dev.mcpauth.conformance.options;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tools the operator declared safe to call ({@code --tool}, repeatable), in the order given.
 *
 * @param tools one hint per tool name
 */
public record ToolHints(List<ToolHint> tools) {
    public static final ToolHints NONE = new ToolHints(List.of());

    public ToolHints {
        tools = List.copyOf(tools);
        Set<String> names = new HashSet<>();
        for (ToolHint t : tools) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("--tool " + t.name() + " given more than once");
            }
        }
    }

    /** The hint for this tool, when the operator gave one. */
    public Optional<ToolHint> find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }
}
