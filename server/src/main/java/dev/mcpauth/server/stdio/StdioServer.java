package dev.mcpauth.server.stdio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.mcp.JsonRpc;
import dev.mcpauth.server.mcp.StrictUtf8;
import dev.mcpauth.server.mcp.tools.McpTool;
import dev.mcpauth.server.mcp.tools.ToolRegistry;
import dev.mcpauth.server.mcp.tools.ToolResult;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * MCP over STDIO: one JSON-RPC message per line in, one response per request line out, nothing
 * else on the output. Serves {@code initialize}, {@code ping}, {@code tools/list} and
 * {@code tools/call} for the tools it is given; there is no OAuth on this transport (the MCP
 * authorization specification applies to HTTP only), so every tool is callable by the local user.
 */
public final class StdioServer {

    /** Newest first; the first is offered when the client asks for a version not listed. */
    public static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    static final String SERVER_NAME = "mcp-auth-reference-server";
    static final String SERVER_VERSION = "0.1.0";

    private static final Logger LOGGER = Logger.getLogger(StdioServer.class.getName());

    private final Map<String, McpTool> tools = new LinkedHashMap<>();

    public StdioServer(List<McpTool> tools) {
        tools.forEach(tool -> this.tools.put(tool.name(), tool));
    }

    /** Answers every line of {@code in} on {@code out} until the end of input. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        LineReader lines = new LineReader(new BufferedInputStream(in), MAX_LINE_BYTES);
        for (Optional<LineReader.Line> line = lines.next(); line.isPresent(); line = lines.next()) {
            Optional<JsonObject> response = line.get().tooLong()
                    ? Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                                                "Invalid Request: message longer than " + MAX_LINE_BYTES + " bytes"))
                    : answer(line.get().bytes());
            if (response.isPresent()) {
                out.write((response.get().toString() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** The response to one line, or empty for notifications, responses and blank lines. */
    public Optional<JsonObject> answer(byte[] line) {
        Optional<String> text = StrictUtf8.decode(line);
        if (text.isEmpty()) {
            return Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error: not UTF-8"));
        }
        if (text.get().isBlank()) {
            return Optional.empty();
        }
        JsonValue message;
        try (JsonReader reader = JsonFactory.createReader(new StringReader(text.get()))) {
            message = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error"));
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than 1000 with a bare RuntimeException: a parse
            // error for this line, never the end of the STDIO server (StdioServerHostileInputTest)
            return Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error"));
        }
        if (!(message instanceof JsonObject object) || !"2.0".equals(string(object, "jsonrpc").orElse(""))) {
            return Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.INVALID_REQUEST, "Invalid Request"));
        }
        JsonValue id = object.get("id");
        Optional<String> method = string(object, "method");
        if (id == null || method.isEmpty()) {
            return Optional.empty(); // a notification, or a response to nothing we asked
        }
        if (!(id instanceof JsonString) && id.getValueType() != JsonValue.ValueType.NUMBER) {
            return Optional.of(JsonRpc.error(JsonValue.NULL, JsonRpc.INVALID_REQUEST, "Invalid Request: id must be a string or number"));
        }
        JsonValue params = object.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT);
        if (!(params instanceof JsonObject paramObject)) {
            return Optional.of(JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: params must be an object"));
        }
        return Optional.of(dispatch(id, method.get(), paramObject));
    }

    private JsonObject dispatch(JsonValue id, String method, JsonObject params) {
        return switch (method) {
            case "initialize" -> JsonRpc.result(id, initializeResult(params));
            case "ping" -> JsonRpc.result(id, JsonValue.EMPTY_JSON_OBJECT);
            case "tools/list" -> JsonRpc.result(id, toolList());
            case "tools/call" -> callTool(id, params);
            default -> JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found");
        };
    }

    private static JsonObject initializeResult(JsonObject params) {
        String requested = string(params, "protocolVersion").orElse("");
        return JsonFactory.createObjectBuilder()
                .add("protocolVersion", PROTOCOL_VERSIONS.contains(requested) ? requested : PROTOCOL_VERSIONS.getFirst())
                .add("capabilities", JsonFactory.createObjectBuilder()
                        .add("tools", JsonFactory.createObjectBuilder().add("listChanged", false)))
                .add("serverInfo", JsonFactory.createObjectBuilder().add("name", SERVER_NAME).add("version", SERVER_VERSION))
                .add("instructions", "Personal memory over STDIO for the local user: memory_add, memory_search, "
                        + "memory_list, memory_get, memory_delete.")
                .build();
    }

    private JsonObject toolList() {
        JsonArrayBuilder list = JsonFactory.createArrayBuilder();
        tools.values().stream().filter(McpTool::enabled).map(ToolRegistry::describe).forEach(list::add);
        return JsonFactory.createObjectBuilder().add("tools", list).build();
    }

    private JsonObject callTool(JsonValue id, JsonObject params) {
        Optional<String> name = string(params, "name");
        if (name.isEmpty()) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: name must be a string");
        }
        McpTool tool = tools.get(name.get());
        if (tool == null || !tool.enabled()) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Unknown tool");
        }
        JsonValue arguments = params.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
        if (!(arguments instanceof JsonObject argumentObject)) {
            return JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "Invalid params: arguments must be an object");
        }
        return JsonRpc.result(id, run(tool, argumentObject).toJson());
    }

    private static ToolResult run(McpTool tool, JsonObject arguments) {
        try {
            return tool.call(arguments);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "tool " + tool.name() + " failed", e);
            return ToolResult.error("tool failed");
        }
    }

    private static Optional<String> string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }
}
