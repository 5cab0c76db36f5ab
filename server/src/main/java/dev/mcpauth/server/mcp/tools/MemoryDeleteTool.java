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
 * {@code memory_delete} ({@code mcp:write}): forgets one of the caller's memories. Another user's
 * id is answered exactly like an unknown one, and nothing of theirs is touched.
 */
public final class MemoryDeleteTool extends MemoryTool {

    public MemoryDeleteTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        super(store, owner, clock);
    }

    @Override
    public String name() {
        return "memory_delete";
    }

    @Override
    public String title() {
        return "Forget";
    }

    @Override
    public String description() {
        return "Deletes one of the calling user's memories by id.";
    }

    @Override
    boolean readOnly() {
        return false;
    }

    @Override
    boolean destructive() {
        return true;
    }

    @Override
    public JsonObject inputSchema() {
        return schema(JsonFactory.createObjectBuilder().add("id", property("string", "The memory's id (a UUID)")), "id");
    }

    @Override
    ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException {
        MemoryId id = MemoryRules.id(MemoryArguments.of(arguments, Set.of("id")).requiredString("id"));
        if (!store.delete(owner, id)) {
            return MemoryGetTool.notFound(id);
        }
        return ToolResult.ok(JsonFactory.createObjectBuilder().add("id", id.value()).add("deleted", true).build());
    }
}
