package dev.mcpauth.server.mcp;

import java.io.StringReader;
import java.util.Optional;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * One message a client POSTs to {@code /mcp}, already checked against JSON-RPC 2.0 and MCP's
 * rules (no batches since 2025-06-18; {@code id} a string or number, never null; {@code params}
 * an object).
 */
public sealed interface JsonRpcMessage {

    /** The JSON-RPC method, if the message has one. */
    Optional<String> methodName();

    /** A call that expects a response. */
    record Request(JsonValue id, String method, JsonObject params) implements JsonRpcMessage {
        @Override
        public Optional<String> methodName() {
            return Optional.of(method);
        }

        /** {@code params.name} of a {@code tools/call}, if it is a string. */
        public Optional<String> toolName() {
            return params.get("name") instanceof JsonString name ? Optional.of(name.getString()) : Optional.empty();
        }

        /** {@code params._meta.progressToken}, if it is a string or a number. */
        public Optional<JsonValue> progressToken() {
            JsonValue token = params.get("_meta") instanceof JsonObject meta ? meta.getOrDefault("progressToken", JsonValue.NULL)
                    : JsonValue.NULL;
            boolean usable = token.getValueType() == JsonValue.ValueType.STRING || token.getValueType() == JsonValue.ValueType.NUMBER;
            return usable ? Optional.of(token) : Optional.empty();
        }
    }

    /** A message without {@code id}: answered with 202 and no body. */
    record Notification(String method) implements JsonRpcMessage {
        @Override
        public Optional<String> methodName() {
            return Optional.of(method);
        }
    }

    /** A client's answer to a request the server sent on an SSE stream: 202. */
    record ClientResponse(JsonValue id, JsonObject message) implements JsonRpcMessage {
        @Override
        public Optional<String> methodName() {
            return Optional.empty();
        }
    }

    /** Not a usable message; {@code code} is {@link JsonRpc#PARSE_ERROR}, invalid request or params. */
    record Invalid(JsonValue id, int code, String message) implements JsonRpcMessage {
        @Override
        public Optional<String> methodName() {
            return Optional.empty();
        }
    }

    static JsonRpcMessage parse(String body) {
        JsonStructure json;
        try (JsonReader reader = JsonFactory.createReader(new StringReader(body))) {
            json = reader.read();
        } catch (JsonException | IllegalStateException e) {
            return new Invalid(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error");
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than 1000 with a bare RuntimeException; this also
            // runs before authentication (PostedBody), so any parser refusal is a parse error, never a 500
            return new Invalid(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error");
        }
        if (!(json instanceof JsonObject object)) {
            return new Invalid(JsonValue.NULL, JsonRpc.INVALID_REQUEST, "Invalid Request: a single JSON object is required");
        }
        return fromObject(object);
    }

    private static JsonRpcMessage fromObject(JsonObject object) {
        JsonValue id = object.getOrDefault("id", JsonValue.NULL);
        boolean validId = id.getValueType() == JsonValue.ValueType.STRING || id.getValueType() == JsonValue.ValueType.NUMBER;
        JsonValue replyId = validId ? id : JsonValue.NULL;
        if (!(object.get("jsonrpc") instanceof JsonString version) || !"2.0".equals(version.getString())) {
            return new Invalid(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (!object.containsKey("method")) {
            boolean answer = validId && (object.containsKey("result") || object.containsKey("error"));
            return answer ? new ClientResponse(id, object) : new Invalid(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request");
        }
        if (!(object.get("method") instanceof JsonString method)) {
            return new Invalid(replyId, JsonRpc.INVALID_REQUEST, "Invalid Request: method must be a string");
        }
        if (object.containsKey("id") && !validId) {
            return new Invalid(JsonValue.NULL, JsonRpc.INVALID_REQUEST, "Invalid Request: id must be a string or number");
        }
        JsonValue params = object.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT);
        if (!(params instanceof JsonObject paramsObject)) {
            return object.containsKey("id")
                    ? new Invalid(replyId, JsonRpc.INVALID_PARAMS, "Invalid params: params must be an object")
                    : new Notification(method.getString());
        }
        return object.containsKey("id") ? new Request(id, method.getString(), paramsObject) : new Notification(method.getString());
    }
}
