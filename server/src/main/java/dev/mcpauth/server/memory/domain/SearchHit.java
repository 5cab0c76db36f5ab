package dev.mcpauth.server.memory.domain;

import jakarta.json.JsonObject;

/** A memory found by a search, with its score (higher is better, see {@link Ranking}). */
public record SearchHit(Memory memory, double score) {

    public JsonObject toJson() {
        return dev.mcpauth.server.json.JsonFactory.createObjectBuilder(memory.toJson())
                .add("score", Math.round(score * 1000) / 1000.0)
                .build();
    }
}
