package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.mcp.tools.McpTool;
import dev.mcpauth.server.mcp.tools.ToolRegistry;
import dev.mcpauth.server.mcp.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Answers JSON-RPC requests once the caller is authenticated, in session (legacy) and
 * authorised: {@code initialize} and {@code ping} (legacy), {@code server/discover} (2026-07-28),
 * {@code tools/list}, {@code tools/call}; anything else is {@code -32601}. A tool that fails returns {@code isError: true}, never a 5xx.
 */
@ApplicationScoped
public class McpDispatcher {

    static final String INITIALIZE = "initialize";
    static final String DISCOVER = "server/discover";
    /** 2026-07-28 has no {@code initialize} and no {@code ping}. */
    static final Set<String> MODERN_METHODS = Set.of(DISCOVER, "tools/list", "tools/call");
    static final String INSTRUCTIONS = "Reference MCP server for OAuth 2.1 resource-server behaviour. "
            + "Tools: whoami, get_current_day, server_status (mcp:admin).";
    static final String SERVER_NAME = "mcp-auth-reference-server";
    static final String SERVER_VERSION = "0.1.0";

    private static final Logger LOGGER = Logger.getLogger(McpDispatcher.class.getName());

    private final ToolRegistry tools;

    @Inject
    public McpDispatcher(ToolRegistry tools) {
        this.tools = tools;
    }

    /** The {@code initialize} result for an already negotiated legacy version. */
    JsonObject initializeResult(String protocolVersion) {
        return Json.createObjectBuilder()
                .add("protocolVersion", protocolVersion)
                .add("capabilities", capabilities())
                .add("serverInfo", serverInfo())
                .add("instructions", INSTRUCTIONS)
                .build();
    }

    /** The 2026-07-28 {@code server/discover} result, before the per-result fields are added. */
    JsonObject discoverResult() {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        ProtocolVersionPolicy.SUPPORTED.forEach(versions::add);
        return Json.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", capabilities())
                .add("instructions", INSTRUCTIONS)
                .build();
    }

    static JsonObject serverInfo() {
        return Json.createObjectBuilder().add("name", SERVER_NAME).add("version", SERVER_VERSION).build();
    }

    private JsonObject capabilities() {
        return Json.createObjectBuilder()
                .add("tools", Json.createObjectBuilder().add("listChanged", false))
                .build();
    }

    /** Whether a 2026-07-28 request may call this method; the rest are 404 there. */
    boolean servesModern(String method) {
        return MODERN_METHODS.contains(method);
    }

    JsonObject dispatch(JsonRpcMessage.Request request) {
        JsonValue id = request.id();
        return switch (request.method()) {
            case "ping" -> JsonRpc.result(id, JsonValue.EMPTY_JSON_OBJECT);
            case "tools/list" -> JsonRpc.result(id, tools.listResult());
            case "tools/call" -> callTool(request);
            case INITIALIZE -> JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid Request: session already initialized");
            default -> JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found");
        };
    }

    /** The tool a {@code tools/call} names, if it exists and is enabled. */
    Optional<McpTool> toolFor(JsonRpcMessage.Request request) {
        return request.toolName().flatMap(tools::find);
    }

    private JsonObject callTool(JsonRpcMessage.Request request) {
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
        return JsonRpc.result(id, run(tool.get(), argumentObject).toJson());
    }

    private static ToolResult run(McpTool tool, JsonObject arguments) {
        try {
            return tool.call(arguments);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "tool " + tool.name() + " failed", e);
            return ToolResult.error("tool failed");
        }
    }
}
