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
import jakarta.json.JsonObject;

/** {@code memory_add} ({@code mcp:write}): stores a text with optional tags for the caller. */
public final class MemoryAddTool extends MemoryTool {

    public MemoryAddTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        super(store, owner, clock);
    }

    @Override
    public String name() {
        return "memory_add";
    }

    @Override
    public String title() {
        return "Remember";
    }

    @Override
    public String description() {
        return "Stores a memory (text, optional tags) for the calling user and returns it with its id.";
    }

    @Override
    boolean readOnly() {
        return false;
    }

    @Override
    public JsonObject inputSchema() {
        return schema(JsonFactory.createObjectBuilder()
                              .add("text", JsonFactory.createObjectBuilder(property("string", "What to remember"))
                                      .add("minLength", 1).add("maxLength", MemoryRules.MAX_TEXT_CODE_POINTS))
                              .add("tags", JsonFactory.createObjectBuilder()
                                      .add("type", "array")
                                      .add("items", JsonFactory.createObjectBuilder().add("type", "string")
                                              .add("minLength", 1).add("maxLength", MemoryRules.MAX_TAG_CODE_POINTS))
                                      .add("maxItems", MemoryRules.MAX_TAGS)
                                      .add("description", "Optional labels, found by memory_search")),
                      "text");
    }

    @Override
    ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException {
        MemoryArguments args = MemoryArguments.of(arguments, Set.of("text", "tags"));
        Memory stored = store.add(owner, MemoryRules.newMemory(args.requiredString("text"), args.stringList("tags")),
                                  clock.instant());
        return ToolResult.ok(stored.toJson());
    }
}
