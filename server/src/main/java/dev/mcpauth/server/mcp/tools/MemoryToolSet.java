package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.util.List;

import dev.mcpauth.server.memory.ConfiguredMemoryStore;
import dev.mcpauth.server.memory.TokenOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers the memory tools with {@link ToolRegistry}: the configured store, the token's owner. */
@ApplicationScoped
public class MemoryToolSet implements ToolSet {

    private final List<McpTool> tools;

    @Inject
    public MemoryToolSet(ConfiguredMemoryStore store, TokenOwner owner, Clock clock) {
        this.tools = MemoryTools.all(store, owner, clock);
    }

    @Override
    public List<McpTool> tools() {
        return tools;
    }
}
