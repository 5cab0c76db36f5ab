package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.Set;

import dev.mcpauth.server.memory.CurrentOwner;
import dev.mcpauth.server.memory.MemoryArguments;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryRules;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** {@code memory_list} ({@code mcp:read}): the caller's memories, newest first, a page at a time. */
public final class MemoryListTool extends MemoryTool {

    public MemoryListTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        super(store, owner, clock);
    }

    @Override
    public String name() {
        return "memory_list";
    }

    @Override
    public String title() {
        return "List memories";
    }

    @Override
    public String description() {
        return "Lists the calling user's memories, newest first; limit (1-" + MemoryRules.MAX_LIST_LIMIT
                + ", default " + MemoryRules.DEFAULT_LIST_LIMIT + ") and offset page through them.";
    }

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    public JsonObject inputSchema() {
        return schema(JsonFactory.createObjectBuilder()
                              .add("limit", JsonFactory.createObjectBuilder(property("integer", "How many to return"))
                                      .add("minimum", 1).add("maximum", MemoryRules.MAX_LIST_LIMIT)
                                      .add("default", MemoryRules.DEFAULT_LIST_LIMIT))
                              .add("offset", JsonFactory.createObjectBuilder(property("integer", "How many to skip"))
                                      .add("minimum", 0).add("default", 0)));
    }

    @Override
    ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException {
        MemoryArguments args = MemoryArguments.of(arguments, Set.of("limit", "offset"));
        int limit = MemoryRules.limit("limit", args.integer("limit", MemoryRules.DEFAULT_LIST_LIMIT), MemoryRules.MAX_LIST_LIMIT);
        long offset = args.integer("offset", 0);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new InvalidMemoryException("offset must be between 0 and " + Integer.MAX_VALUE + ", got " + offset);
        }
        JsonArrayBuilder memories = JsonFactory.createArrayBuilder();
        store.list(owner, limit, (int) offset).stream().map(Memory::toJson).forEach(memories::add);
        return ToolResult.ok(JsonFactory.createObjectBuilder()
                                     .add("memories", memories)
                                     .add("total", store.count(owner))
                                     .add("limit", limit)
                                     .add("offset", offset)
                                     .build());
    }
}
