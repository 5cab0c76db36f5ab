package dev.mcpauth.server.memory.domain;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** One stored memory as its owner sees it; the owner itself is never part of an answer. */
public record Memory(MemoryId id, String text, List<String> tags, Instant createdAt) {

    public Memory {
        tags = List.copyOf(tags);
    }

    public JsonObject toJson() {
        JsonArrayBuilder tagArray = Json.createArrayBuilder();
        tags.forEach(tagArray::add);
        return Json.createObjectBuilder()
                .add("id", id.value())
                .add("text", text)
                .add("tags", tagArray)
                .add("created_at", createdAt.toString())
                .build();
    }
}
