package dev.mcpauth.conformance.http;

import dev.mcpauth.conformance.spec.SpecVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of the MCP Streamable HTTP transport to reach the tools behind the auth layer.
 * Up to 2025-11-25: {@code initialize} (capturing {@code Mcp-Session-Id}),
 * {@code notifications/initialized}, {@code tools/list} and {@code tools/call} in that session.
 * From 2026-07-28 the transport is stateless: no handshake and no session; every POST carries
 * {@code MCP-Protocol-Version}, {@code Mcp-Method} and (for {@code tools/call}) {@code Mcp-Name}
 * headers and the {@code _meta} protocol fields, and {@code server/discover} opens the
 * conversation. Replies may be {@code application/json} or a {@code text/event-stream}
 * carrying the response as one event.
 *
 * <p>Requests are built without credentials; callers add exactly the {@code Authorization}
 * lines a scenario needs, so the same helper sends good and broken requests.
 */
public final class McpClient {
    public static final String ACCEPT = "application/json, text/event-stream";
    public static final String CLIENT_NAME = "mcp-auth-conformance";
    public static final String STATELESS_VERSION = SpecVersion.V2026_07_28.label();
    public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

    private final RecordingHttpClient http;
    private final URI endpoint;
    private final String protocolVersion;
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * @param protocolVersion the protocol version to offer in initialize; the spec version under test
     */
    public McpClient(RecordingHttpClient http, URI endpoint, String protocolVersion) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion");
    }

    public URI endpoint() {
        return endpoint;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public Response send(Request request) {
        return http.send(request);
    }

    /** True for the stateless transport of 2026-07-28. */
    public boolean stateless() {
        return STATELESS_VERSION.equals(protocolVersion);
    }

    /**
     * The request every "is this credential accepted?" check sends, with no credentials:
     * {@code initialize} up to 2025-11-25; from 2026-07-28, which has no handshake,
     * {@code tools/list} (whether {@code server/discover} needs a token is not stated,
     * docs/rs-checklist.md, policy P-09, while every tool method does).
     */
    public Request probeRequest() {
        return stateless() ? statelessRequest("tools/list", JsonValue.EMPTY_JSON_OBJECT) : initializeRequest();
    }

    /** A POST {@code server/discover} (2026-07-28), no credentials. */
    public Request discoverRequest() {
        return statelessRequest("server/discover", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** A stateless POST: params get the {@code _meta} protocol fields, the request the mirrored headers. */
    public Request statelessRequest(String method, JsonObject params) {
        return statelessRequest(method, params, protocolVersion);
    }

    /** A stateless POST declaring another protocol version, in the header and in {@code _meta}. */
    public Request statelessRequest(String method, JsonObject params, String version) {
        JsonObject meta = Json.createObjectBuilder()
                .add(META_VERSION, version)
                .add("io.modelcontextprotocol/clientInfo", clientInfo())
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT).build();
        JsonObject withMeta = Json.createObjectBuilder(params).add("_meta", meta).build();
        Request r = post(rpc(method, withMeta), Optional.empty(), Optional.of(version)).header("Mcp-Method", method);
        Optional<String> name = JsonValues.string(params, "name").or(() -> JsonValues.string(params, "uri"));
        return name.isPresent() && NAMED.contains(method) ? r.header("Mcp-Name", name.get()) : r;
    }

    private static final java.util.Set<String> NAMED = java.util.Set.of("tools/call", "resources/read", "prompts/get");

    private static JsonObject clientInfo() {
        return Json.createObjectBuilder().add("name", CLIENT_NAME).add("version", "0.1.0").build();
    }

    /** A POST {@code initialize} with no credentials (up to 2025-11-25). */
    public Request initializeRequest() {
        JsonObject params = Json.createObjectBuilder()
                .add("protocolVersion", protocolVersion)
                .add("capabilities", JsonValue.EMPTY_JSON_OBJECT)
                .add("clientInfo", Json.createObjectBuilder().add("name", CLIENT_NAME).add("version", "0.1.0"))
                .build();
        return post(rpc("initialize", params), Optional.empty(), Optional.empty());
    }

    /** A POST of a request within a session (session and protocol headers added; stateless from 2026-07-28), no credentials. */
    public Request request(McpSession session, String method, JsonObject params) {
        if (stateless()) {
            return statelessRequest(method, params);
        }
        return post(rpc(method, params), session.sessionId(), Optional.of(session.protocolVersion()));
    }

    public Request toolsList(McpSession session) {
        return request(session, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
    }

    public Request toolsCall(McpSession session, String tool) {
        return request(session, "tools/call", Json.createObjectBuilder()
                .add("name", tool).add("arguments", JsonValue.EMPTY_JSON_OBJECT).build());
    }

    /**
     * Runs the handshake with this {@code Authorization} field value: initialize, then, when it
     * worked, {@code notifications/initialized} with the same credentials. From 2026-07-28:
     * {@code server/discover}, and a session that is only the version to send.
     */
    public McpSession open(String authorization) {
        if (stateless()) {
            Response discover = send(discoverRequest().header("Authorization", authorization));
            return new McpSession(Optional.empty(), protocolVersion, discover, Optional.empty());
        }
        Response init = send(initializeRequest().header("Authorization", authorization));
        Optional<String> sessionId = init.header("Mcp-Session-Id");
        String negotiated = message(init)
                .map(m -> m.get("result"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .flatMap(r -> JsonValues.string(r.asJsonObject(), "protocolVersion"))
                .orElse(protocolVersion);
        McpSession partial = new McpSession(sessionId, negotiated, init, Optional.empty());
        if (!partial.established()) {
            return partial;
        }
        JsonObject note = Json.createObjectBuilder().add("jsonrpc", "2.0")
                .add("method", "notifications/initialized").build();
        Response initialized = send(post(note, sessionId, Optional.of(negotiated)).header("Authorization", authorization));
        return new McpSession(sessionId, negotiated, init, Optional.of(initialized));
    }

    /** The JSON-RPC response carried by an HTTP response (plain JSON or the first SSE response event). */
    public static Optional<JsonObject> message(Response response) {
        if (response.mediaType().equals("text/event-stream")) {
            return SseMessages.firstResponse(response.body());
        }
        return JsonValues.object(response.body());
    }

    /** The JSON-RPC error code of a response, if it carries an error object with one. */
    public static Optional<Integer> errorCode(Response response) {
        return message(response).map(m -> m.get("error"))
                .filter(e -> e != null && e.getValueType() == JsonValue.ValueType.OBJECT)
                .map(e -> e.asJsonObject().get("code"))
                .filter(c -> c != null && c.getValueType() == JsonValue.ValueType.NUMBER)
                .map(c -> ((jakarta.json.JsonNumber) c).intValue());
    }

    /** True for HTTP 200 carrying a JSON-RPC {@code result}. */
    public static boolean hasResult(Response response) {
        return response.status() == 200 && message(response).map(m -> m.containsKey("result")).orElse(false);
    }

    private JsonObject rpc(String method, JsonObject params) {
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", ids.incrementAndGet())
                .add("method", method)
                .add("params", params)
                .build();
    }

    private Request post(JsonObject message, Optional<String> sessionId, Optional<String> version) {
        Request r = new Request("POST", endpoint, java.util.List.of(), message.toString())
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT);
        if (version.isPresent()) {
            r = r.header("MCP-Protocol-Version", version.get());
        }
        if (sessionId.isPresent()) {
            r = r.header("Mcp-Session-Id", sessionId.get());
        }
        return r;
    }
}
