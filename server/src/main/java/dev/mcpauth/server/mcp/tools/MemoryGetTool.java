package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.Set;

import dev.mcpauth.server.memory.CurrentOwner;
import dev.mcpauth.server.memory.MemoryArguments;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.MemoryRules;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;

/**
 * {@code memory_get} ({@code mcp:read}): one of the caller's memories by id. Another user's id is
 * answered exactly like an unknown one.
 */
public final class MemoryGetTool extends MemoryTool {

    public MemoryGetTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        super(store, owner, clock);
    }

    @Override
    public String name() {
        return "memory_get";
    }

    @Override
    public String title() {
        return "Recall one memory";
    }

    @Override
    public String description() {
        return "Returns one of the calling user's memories by the id memory_add returned.";
    }

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    public JsonObject inputSchema() {
        return schema(JsonFactory.createObjectBuilder().add("id", property("string", "The memory's id (a UUID)")), "id");
    }

    @Override
    ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException {
        MemoryId id = MemoryRules.id(MemoryArguments.of(arguments, Set.of("id")).requiredString("id"));
        return store.get(owner, id).map(memory -> ToolResult.ok(memory.toJson()))
                .orElseGet(() -> notFound(id));
    }

    static ToolResult notFound(MemoryId id) {
        return ToolResult.error("no memory with id " + id.value());
    }
}
