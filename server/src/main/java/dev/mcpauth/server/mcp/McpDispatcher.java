package dev.mcpauth.server.mcp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.json.JsonFactory;
import dev.mcpauth.server.mcp.tools.McpTool;
import dev.mcpauth.server.mcp.tools.ToolContext;
import dev.mcpauth.server.mcp.tools.ToolRegistry;
import dev.mcpauth.server.mcp.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Answers JSON-RPC requests once the caller is authenticated and authorised, in its session
 * if its era has one: {@code initialize} and {@code ping} (2025 sessions), {@code server/discover} (2026-07-28),
 * {@code tools/list}, {@code tools/call}, and whatever the {@link MethodSet}s add; anything else
 * is {@code -32601}. A tool that fails returns {@code isError: true}, never a 5xx.
 */
@ApplicationScoped
public class McpDispatcher {

    static final String INITIALIZE = "initialize";
    public static final String TOOLS_CALL = "tools/call";
    static final String DISCOVER = "server/discover";
    /** 2026-07-28 has no {@code initialize} and no {@code ping}. */
    static final Set<String> STATELESS_METHODS = Set.of(DISCOVER, "tools/list", TOOLS_CALL);
    static final String SERVER_NAME = "mcp-auth-reference-server";
    static final String SERVER_VERSION = "0.1.0";
    static final String INSTRUCTIONS = "Reference MCP server for OAuth 2.1 resource-server behaviour. "
            + "Tools: whoami, get_current_day, server_status (mcp:admin).";

    private static final Logger LOGGER = Logger.getLogger(McpDispatcher.class.getName());

    private final ToolRegistry tools;
    private final List<MethodSet> methodSets;

    @Inject
    public McpDispatcher(ToolRegistry tools, Instance<MethodSet> methodSets) {
        this.tools = tools;
        this.methodSets = methodSets.stream().toList();
    }

    /** The {@code initialize} result for an already negotiated 2025 version. */
    JsonObject initializeResult(String protocolVersion) {
        return JsonFactory.createObjectBuilder()
                .add("protocolVersion", protocolVersion)
                .add("capabilities", capabilities(ProtocolEra.SESSIONS_2025))
                .add("serverInfo", serverInfo())
                .add("instructions", INSTRUCTIONS)
                .build();
    }

    /** The 2026-07-28 {@code server/discover} result, before the per-result fields are added. */
    JsonObject discoverResult() {
        JsonArrayBuilder versions = JsonFactory.createArrayBuilder();
        ProtocolVersionPolicy.SUPPORTED.forEach(versions::add);
        return JsonFactory.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", capabilities(ProtocolEra.STATELESS_2026))
                .add("instructions", INSTRUCTIONS)
                .build();
    }

    static JsonObject serverInfo() {
        return JsonFactory.createObjectBuilder().add("name", SERVER_NAME).add("version", SERVER_VERSION).build();
    }

    private JsonObject capabilities(ProtocolEra era) {
        JsonObjectBuilder capabilities = JsonFactory.createObjectBuilder()
                .add("tools", JsonFactory.createObjectBuilder().add("listChanged", false));
        methodSets.forEach(set -> set.capabilities(era).forEach(capabilities::add));
        return capabilities.build();
    }

    /** Whether a 2026-07-28 request may call this method; the rest are 404 there. */
    boolean servesStateless(String method) {
        return STATELESS_METHODS.contains(method) || methodSets.stream().anyMatch(set -> set.servesStateless(method));
    }

    /** The method set that answers {@code method}, if one does. */
    public Optional<MethodSet> methodSetFor(String method) {
        return methodSets.stream().filter(set -> set.handles(method)).findFirst();
    }

    JsonObject dispatch(JsonRpcMessage.Request request, CallContext context) {
        JsonValue id = request.id();
        return switch (request.method()) {
            case "ping" -> JsonRpc.result(id, JsonValue.EMPTY_JSON_OBJECT);
            case "tools/list" -> JsonRpc.result(id, tools.listResult());
            case TOOLS_CALL -> callTool(request, context.tools());
            case INITIALIZE -> JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid Request: session already initialized");
            default -> methodSetFor(request.method()).map(set -> set.dispatch(request, context))
                    .orElseGet(() -> JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found"));
        };
    }

    /** The tool a {@code tools/call} names, if it exists and is enabled. */
    public Optional<McpTool> toolFor(JsonRpcMessage.Request request) {
        return request.toolName().flatMap(tools::find);
    }

    private JsonObject callTool(JsonRpcMessage.Request request, ToolContext context) {
        JsonValue id = request.id();
        if (!(request.params().get("name") instanceof JsonString)) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: name must be a string");
        }
        Optional<McpTool> tool = toolFor(request);
        if (tool.isEmpty()) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Unknown tool");
        }
        JsonValue arguments = request.params().getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (!(arguments instanceof JsonObject argumentObject)) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: arguments must be an object");
        }
        return JsonRpc.result(id, run(tool.get(), argumentObject, context).toJson());
    }

    private static ToolResult run(McpTool tool, JsonObject arguments, ToolContext context) {
        try {
            return tool.call(arguments, context);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "tool " + tool.name() + " failed", e);
            return ToolResult.error("tool failed");
        }
    }
}
