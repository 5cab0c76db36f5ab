package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.Set;

import dev.mcpauth.server.memory.CurrentOwner;
import dev.mcpauth.server.memory.MemoryArguments;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.MemoryRules;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.SearchHit;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** {@code memory_search} ({@code mcp:read}): the caller's memories that match a query, best first. */
public final class MemorySearchTool extends MemoryTool {

    public MemorySearchTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        super(store, owner, clock);
    }

    @Override
    public String name() {
        return "memory_search";
    }

    @Override
    public String title() {
        return "Search memories";
    }

    @Override
    public String description() {
        return "Finds the calling user's memories whose text or tags contain the query's words, best match first, "
                + "each with a score.";
    }

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    public JsonObject inputSchema() {
        return schema(JsonFactory.createObjectBuilder()
                              .add("query", JsonFactory.createObjectBuilder(property("string", "Words to look for"))
                                      .add("minLength", 1).add("maxLength", MemoryRules.MAX_QUERY_CODE_POINTS))
                              .add("limit", JsonFactory.createObjectBuilder(property("integer", "How many hits at most"))
                                      .add("minimum", 1).add("maximum", MemoryRules.MAX_SEARCH_LIMIT)
                                      .add("default", MemoryRules.DEFAULT_SEARCH_LIMIT)),
                      "query");
    }

    @Override
    ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException {
        MemoryArguments args = MemoryArguments.of(arguments, Set.of("query", "limit"));
        String query = MemoryRules.query(args.requiredString("query"));
        int limit = MemoryRules.limit("limit", args.integer("limit", MemoryRules.DEFAULT_SEARCH_LIMIT),
                                      MemoryRules.MAX_SEARCH_LIMIT);
        JsonArrayBuilder hits = JsonFactory.createArrayBuilder();
        store.search(owner, query, limit).stream().map(SearchHit::toJson).forEach(hits::add);
        return ToolResult.ok(JsonFactory.createObjectBuilder().add("query", query).add("hits", hits).build());
    }
}
