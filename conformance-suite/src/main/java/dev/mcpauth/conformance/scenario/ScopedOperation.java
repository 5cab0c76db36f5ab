package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.ToolHints;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * One kind of operation that may need more scope than the baseline: {@code tools/call},
 * {@code resources/read} or {@code prompts/get}, with the list method that names its items and
 * the {@code _meta} scopes each item declares (a key ending in {@code requiredScopes}, as for tools).
 *
 * @param noun         what one item is called in messages: "tool", "resource", "prompt"
 * @param listMethod   the method that lists the items
 * @param listKey      the result member holding them
 * @param idField      the item member that names it ({@code name} or {@code uri})
 * @param callMethod   the method that uses one item
 * @param undeclaredOk whether an item that declares no scopes may be called to find out (reads: yes; tools: only
 *                     when {@code --tool} names them)
 */
record ScopedOperation(String noun, String listMethod, String listKey, String idField, String callMethod,
                       boolean undeclaredOk) {

    static final ScopedOperation TOOL = new ScopedOperation("tool", "tools/list", "tools", "name", "tools/call", false);
    static final ScopedOperation RESOURCE = new ScopedOperation("resource", "resources/list", "resources", "uri",
            "resources/read", true);
    static final ScopedOperation PROMPT = new ScopedOperation("prompt", "prompts/list", "prompts",
            "name", "prompts/get", true);

    /** The params of a call of {@code item}: tools and prompts get empty arguments. */
    JsonObject params(String item) {
        if (idField.equals("uri")) {
            return Json.createObjectBuilder().add("uri", item).build();
        }
        return Json.createObjectBuilder().add("name", item).add("arguments", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    /** The items a list response names, in its order. */
    List<JsonObject> items(Response list) {
        return McpClient.message(list)
                .map(m -> m.get("result"))
                .filter(r -> r != null && r.getValueType() == JsonValue.ValueType.OBJECT)
                .map(r -> r.asJsonObject().get(listKey))
                .filter(t -> t != null && t.getValueType() == JsonValue.ValueType.ARRAY)
                .map(t -> t.asJsonArray().stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                        .map(JsonValue::asJsonObject).toList())
                .orElse(List.of());
    }

    Optional<String> id(JsonObject item) {
        return JsonValues.string(item, idField).filter(s -> !s.isEmpty());
    }

    /** The scopes the item declares; for tools, the operator's {@code --tool NAME=SCOPE} wins. */
    Optional<List<String>> declaredScopes(JsonObject item, ToolHints hints) {
        return this.equals(TOOL) ? ToolSafety.declaredScopes(item, hints) : ToolSafety.declaredScopes(item);
    }
}
