package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.List;

import dev.mcpauth.server.memory.CurrentOwner;
import dev.mcpauth.server.memory.store.MemoryStore;

/** The five memory tools over one store, the same over HTTP ({@link MemoryToolSet}) and STDIO. */
public final class MemoryTools {

    private MemoryTools() {
    }

    public static List<McpTool> all(MemoryStore store, CurrentOwner owner, Clock clock) {
        return List.of(new MemoryAddTool(store, owner, clock), new MemorySearchTool(store, owner, clock),
                       new MemoryListTool(store, owner, clock), new MemoryGetTool(store, owner, clock),
                       new MemoryDeleteTool(store, owner, clock));
    }
}
