package dev.mcpauth.conformance.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * Which tool the load calls when {@code --tool} names none: the first one {@code tools/list}
 * annotates {@code readOnlyHint: true} (and not {@code destructiveHint} nor {@code openWorldHint}),
 * else {@code whoami} when listed. A load test calls a tool thousands of times, so it never picks
 * a tool that may change anything.
 */
final class ToolChoice {
    static final String FALLBACK = "whoami";

    private ToolChoice() {
    }

    /** The tools of a {@code tools/list} answer body (empty when it is not one). */
    static List<JsonObject> tools(String body) {
        return McpWire.result(body).map(r -> r.get("tools"))
                .filter(v -> v != null && v.getValueType() == JsonValue.ValueType.ARRAY)
                .map(v -> v.asJsonArray().stream().filter(t -> t.getValueType() == JsonValue.ValueType.OBJECT)
                        .map(JsonValue::asJsonObject).toList())
                .orElse(List.of());
    }

    static Optional<String> choose(List<JsonObject> tools) {
        return tools.stream().filter(ToolChoice::readOnly).map(ToolChoice::name).flatMap(Optional::stream).findFirst()
                .or(() -> listed(tools, FALLBACK) ? Optional.of(FALLBACK) : Optional.empty());
    }

    static boolean listed(List<JsonObject> tools, String name) {
        return tools.stream().map(ToolChoice::name).anyMatch(n -> n.equals(Optional.of(name)));
    }

    private static Optional<String> name(JsonObject tool) {
        return tool.get("name") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static boolean readOnly(JsonObject tool) {
        JsonValue a = tool.get("annotations");
        if (a == null || a.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonObject o = a.asJsonObject();
        return o.get("readOnlyHint") == JsonValue.TRUE && o.get("destructiveHint") != JsonValue.TRUE
                && o.get("openWorldHint") != JsonValue.TRUE;
    }
}
