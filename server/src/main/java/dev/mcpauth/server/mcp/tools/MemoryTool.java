package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.memory.CurrentOwner;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.memory.store.MemoryStoreException;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;

/**
 * What every memory tool shares: it works only for a known owner, on that owner's memories; bad
 * arguments are a tool error with the reason (MCP: input errors are tool results the model can
 * correct); a failing database is "memory store unavailable", never a 5xx or a stack trace.
 * Reading tools need {@code mcp:read}, changing ones {@code mcp:write}.
 */
abstract class MemoryTool implements McpTool {

    private static final Logger LOGGER = Logger.getLogger(MemoryTool.class.getName());

    protected final MemoryStore store;
    protected final Clock clock;
    private final CurrentOwner owner;

    MemoryTool(MemoryStore store, CurrentOwner owner, Clock clock) {
        this.store = store;
        this.owner = owner;
        this.clock = clock;
    }

    /** Whether the tool only reads ({@code mcp:read}) or also changes memories ({@code mcp:write}). */
    abstract boolean readOnly();

    /** The call for a known owner, its arguments still unchecked. */
    abstract ToolResult run(Owner owner, JsonObject arguments) throws InvalidMemoryException;

    @Override
    public final Set<String> scopes() {
        return Set.of(readOnly() ? ScopePolicy.READ : ScopePolicy.WRITE);
    }

    @Override
    public Optional<JsonObject> annotations() {
        return Optional.of(JsonFactory.createObjectBuilder()
                .add("readOnlyHint", readOnly())
                .add("destructiveHint", !readOnly() && destructive())
                .add("idempotentHint", readOnly() || destructive())
                .add("openWorldHint", false)
                .build());
    }

    /** Whether a change removes something (deleting) rather than adding. */
    boolean destructive() {
        return false;
    }

    @Override
    public final ToolResult call(JsonObject arguments) {
        Optional<Owner> caller = owner.current();
        if (caller.isEmpty()) {
            return ToolResult.error("no verified caller: memories belong to a token's iss and sub");
        }
        try {
            return run(caller.get(), arguments);
        } catch (InvalidMemoryException e) {
            return ToolResult.error("invalid arguments: " + e.getMessage());
        } catch (MemoryStoreException e) {
            LOGGER.log(Level.WARNING, name() + ": " + e.getMessage(), e.getCause());
            return ToolResult.error("memory store unavailable; try again later");
        }
    }

    static JsonObject schema(jakarta.json.JsonObjectBuilder properties, String... required) {
        jakarta.json.JsonArrayBuilder names = JsonFactory.createArrayBuilder();
        for (String name : required) {
            names.add(name);
        }
        return JsonFactory.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", names)
                .add("additionalProperties", false)
                .build();
    }

    static JsonObject property(String type, String description) {
        return JsonFactory.createObjectBuilder().add("type", type).add("description", description).build();
    }
}
