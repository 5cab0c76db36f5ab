package dev.mcpauth.server.mcp.tools;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;

/**
 * One MCP tool. Implementations are CDI beans; {@link ToolRegistry} finds them all.
 * A tool states the scopes it needs itself; the baseline {@code mcp:read} and the
 * {@code mcp:admin} hierarchy are added by {@link dev.mcpauth.server.auth.ScopePolicy}.
 */
public interface McpTool {

    String name();

    String title();

    String description();

    /** Scopes this tool needs beyond the baseline, e.g. {@code mcp:admin}; may be empty. */
    Set<String> scopes();

    /** JSON Schema of {@code arguments}. */
    default JsonObject inputSchema() {
        return JsonFactory.createObjectBuilder()
                .add("type", "object")
                .add("properties", JsonFactory.createObjectBuilder())
                .add("additionalProperties", false)
                .build();
    }

    /** MCP tool annotations ({@code readOnlyHint}, {@code destructiveHint}, ...), if the tool declares them. */
    default Optional<JsonObject> annotations() {
        return Optional.empty();
    }

    /** Hidden tools are callable by nobody and not listed (e.g. unconfigured ones). */
    default boolean enabled() {
        return true;
    }

    ToolResult call(JsonObject arguments);

    /** The call with a context for progress, logs and requests to the client; most tools ignore it. */
    default ToolResult call(JsonObject arguments, ToolContext context) {
        return call(arguments);
    }

    /** A client capability the tool cannot work without ({@code sampling}, {@code elicitation}), if any. */
    default Optional<String> requiredClientCapability() {
        return Optional.empty();
    }

    /** Whether the tool sends something before its result, so its response should be an SSE stream. */
    default boolean streams() {
        return false;
    }
}
