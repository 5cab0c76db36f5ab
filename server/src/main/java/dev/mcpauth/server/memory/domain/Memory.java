package dev.mcpauth.server.memory.domain;

import java.time.Instant;
import java.util.List;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** One stored memory as its owner sees it; the owner itself is never part of an answer. */
public record Memory(MemoryId id, String text, List<String> tags, Instant createdAt) {

    public Memory {
        tags = List.copyOf(tags);
    }

    public JsonObject toJson() {
        JsonArrayBuilder tagArray = JsonFactory.createArrayBuilder();
        tags.forEach(tagArray::add);
        return JsonFactory.createObjectBuilder()
                .add("id", id.value())
                .add("text", text)
                .add("tags", tagArray)
                .add("created_at", createdAt.toString())
                .build();
    }
}
