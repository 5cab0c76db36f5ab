package dev.mcpauth.server.mcp;

import java.util.Set;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The fields 2026-07-28 adds to every result: {@code resultType: "complete"} (SEP-2322), the
 * server's identity in {@code _meta} (SEP-2575) and, on cacheable results, {@code ttlMs} and
 * {@code cacheScope} (SEP-2549, server/utilities/caching). Every cacheable result this server
 * gives is the same for every caller, so its scope is {@code public}, unless the result already
 * says {@code private} (what only some scopes may read); scopes are still checked on every call (RS-71).
 */
final class StatelessResults {

    static final String SERVER_INFO_META = "io.modelcontextprotocol/serverInfo";
    static final long TTL_MS = 300_000;
    static final int RETIRED_RESOURCE_NOT_FOUND = -32002;
    static final Set<String> CACHEABLE = Set.of(McpDispatcher.DISCOVER, "tools/list", "prompts/list",
                                                "resources/list", "resources/templates/list", "resources/read");

    private StatelessResults() {
    }

    /**
     * The JSON-RPC response with the 2026-07-28 fields added to its result. Errors pass unchanged,
     * except the retired resource-not-found code {@value #RETIRED_RESOURCE_NOT_FOUND}, which
     * 2026-07-28 replaced by {@code -32602} (basic/index "Error Codes").
     */
    static JsonObject complete(String method, JsonObject response) {
        if (response.get("error") instanceof JsonObject error && error.getInt("code") == RETIRED_RESOURCE_NOT_FOUND) {
            return JsonFactory.createObjectBuilder(response).add("error", JsonFactory.createObjectBuilder(error)
                    .add("code", JsonRpc.INVALID_PARAMS)).build();
        }
        if (!(response.get("result") instanceof JsonObject result)) {
            return response;
        }
        JsonObjectBuilder completed = JsonFactory.createObjectBuilder(result).add("resultType", "complete")
                .add("_meta", meta(result));
        if (CACHEABLE.contains(method)) {
            // a result that says it is private (the server's own scoped resource and prompt) stays private
            completed.add("ttlMs", TTL_MS).add("cacheScope", result.get("cacheScope") instanceof JsonString scope
                    ? scope.getString() : "public");
        }
        return JsonFactory.createObjectBuilder(response).add("result", completed).build();
    }

    private static JsonObject meta(JsonObject result) {
        JsonObject existing = result.get("_meta") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        return JsonFactory.createObjectBuilder(existing).add(SERVER_INFO_META, McpDispatcher.serverInfo()).build();
    }
}
