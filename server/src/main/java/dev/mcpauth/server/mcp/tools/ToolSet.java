package dev.mcpauth.server.mcp.tools;

import java.util.List;

/** A CDI bean that contributes several tools at once (e.g. the conformance fixtures). */
public interface ToolSet {

    /** The tools, or an empty list when the set is switched off. */
    List<McpTool> tools();
}
