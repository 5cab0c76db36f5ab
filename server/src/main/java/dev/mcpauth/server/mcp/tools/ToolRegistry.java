package dev.mcpauth.server.mcp.tools;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** All enabled tools by name, their {@code tools/list} entries and the scopes each call needs. */
@ApplicationScoped
public class ToolRegistry {

    /** Where {@code tools/list} shows the scopes a tool needs. */
    public static final String REQUIRED_SCOPES_META = "dev.mcpauth/requiredScopes";

    private final Map<String, McpTool> tools = new TreeMap<>();

    @Inject
    public ToolRegistry(Instance<McpTool> discovered, Instance<ToolSet> sets) {
        discovered.forEach(tool -> tools.put(tool.name(), tool));
        sets.forEach(set -> set.tools().forEach(tool -> tools.put(tool.name(), tool)));
    }

    public Optional<McpTool> find(String name) {
        return Optional.ofNullable(tools.get(name)).filter(McpTool::enabled);
    }

    public Collection<McpTool> enabled() {
        return tools.values().stream().filter(McpTool::enabled).toList();
    }

    /** Every scope a {@code tools/call} of this tool needs, per {@link ScopePolicy}. */
    public static Set<String> requiredScopes(McpTool tool) {
        return ScopePolicy.requiredFor(tool.scopes());
    }

    public JsonObject listResult() {
        JsonArrayBuilder list = JsonFactory.createArrayBuilder();
        enabled().forEach(tool -> list.add(describe(tool)));
        return JsonFactory.createObjectBuilder().add("tools", list).build();
    }

    /** A {@code tools/list} entry (also used by the STDIO adapter). */
    public static JsonObject describe(McpTool tool) {
        JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
        requiredScopes(tool).forEach(scopes::add);
        JsonObjectBuilder entry = JsonFactory.createObjectBuilder()
                .add("name", tool.name())
                .add("title", tool.title())
                .add("description", tool.description())
                .add("inputSchema", tool.inputSchema());
        tool.annotations().ifPresent(annotations -> entry.add("annotations", annotations));
        return entry.add("_meta", JsonFactory.createObjectBuilder().add(REQUIRED_SCOPES_META, scopes)).build();
    }
}
