package dev.mcpauth.conformance.spec;

import java.util.Objects;

/**
 * A pointer into a specification, in the official suite's {@code specReferences[{id,url}]}
 * shape. Ids are compact and greppable: {@code RFC6750-3.1}, {@code RFC9728-3.1},
 * {@code MCP-2025-06-18-authorization}, and the checklist rows {@code RS-17}.
 */
public record SpecReference(String id, String url) {
    public SpecReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }
}
