package dev.mcpauth.server.mcp.tools;

import java.util.Optional;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A {@code tools/call} result: content blocks and, for the built-in tools, the structured content
 * repeated as text for clients that only read {@code content}. Tool failures are results with
 * {@code isError: true}, not JSON-RPC errors.
 */
public record ToolResult(JsonArray content, Optional<JsonObject> structured, boolean isError) {

    public static ToolResult ok(JsonObject structured) {
        return new ToolResult(textOf(structured.toString()), Optional.of(structured), false);
    }

    public static ToolResult error(String message) {
        JsonObject structured = JsonFactory.createObjectBuilder().add("error", message).build();
        return new ToolResult(textOf(structured.toString()), Optional.of(structured), true);
    }

    /** A result made of content blocks only (see {@link ContentBlocks}). */
    public static ToolResult of(JsonArray content) {
        return new ToolResult(content, Optional.empty(), false);
    }

    /** A failure described by one text block. */
    public static ToolResult failure(String text) {
        return new ToolResult(textOf(text), Optional.empty(), true);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("content", content);
        structured.ifPresent(s -> json.add("structuredContent", s));
        return json.add("isError", isError).build();
    }

    private static JsonArray textOf(String text) {
        return JsonFactory.createArrayBuilder().add(ContentBlocks.text(text)).build();
    }
}
