package dev.mcpauth.server.mcp.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A {@code tools/call} result: the structured content, repeated as text for clients that only
 * read {@code content}. Tool failures are results with {@code isError: true}, not JSON-RPC errors.
 */
public record ToolResult(JsonObject structured, boolean isError) {

    public static ToolResult ok(JsonObject structured) {
        return new ToolResult(structured, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(Json.createObjectBuilder().add("error", message).build(), true);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", structured.toString())))
                .add("structuredContent", structured)
                .add("isError", isError)
                .build();
    }
}
