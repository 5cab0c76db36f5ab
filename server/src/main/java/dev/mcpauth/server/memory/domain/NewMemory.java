package dev.mcpauth.server.memory.domain;

import java.util.List;

/** A memory about to be stored: text and tags already checked by {@link MemoryRules}. */
public record NewMemory(String text, List<String> tags) {

    public NewMemory {
        tags = List.copyOf(tags);
    }
}
