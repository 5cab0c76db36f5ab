package dev.mcpauth.conformance.scenario;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stub's 2026-07-28 transport: no session; every POST's MCP-Protocol-Version, Mcp-Method and
 * Mcp-Name headers checked against the body (400 -32020), an unknown version refused with
 * -32022, {@code server/discover}, GET and DELETE answered 405, cacheable results marked public
 * (they do not depend on the user). Each of those a {@link StubDefect} breaks.
 */
final class StubStateless {
    static final String VERSION = "2026-07-28";
    private static final Set<String> LEGACY = Set.of("2025-03-26", "2025-06-18", "2025-11-25");
    private static final String META = "io.modelcontextprotocol/protocolVersion";

    private final StubMcpServer stub;

    StubStateless(StubMcpServer stub) {
        this.stub = stub;
    }

    /** A 2026-07-28 request (by header, or by {@code _meta} without a header), or one naming an unknown version. */
    boolean handles(HttpExchange ex) {
        Optional<String> header = Optional.ofNullable(ex.getRequestHeaders().getFirst("MCP-Protocol-Version"));
        if (header.isPresent()) {
            // NO_PROTOCOL_VERSION_CHECK keeps an unknown version on the legacy path, which then ignores it
            return header.get().equals(VERSION)
                    || (!LEGACY.contains(header.get()) && !stub.has(StubDefect.NO_PROTOCOL_VERSION_CHECK));
        }
        return ex.getRequestMethod().equals("POST") && metaVersion(parse(StubMcpServer.body(ex))).isPresent();
    }

    void handle(HttpExchange ex, StubMcpServer.Principal p) throws IOException {
        if (stub.has(StubDefect.STATELESS_SESSION_ID)) {
            ex.getResponseHeaders().set("Mcp-Session-Id", UUID.randomUUID().toString());
        }
        if (!ex.getRequestMethod().equals("POST")) {
            boolean allowed = stub.has(StubDefect.STATELESS_GET_ALLOWED);
            StubMcpServer.send(ex, allowed ? 200 : 405, allowed ? "application/json" : "", allowed ? "{}" : "");
            return;
        }
        JsonObject msg = parse(StubMcpServer.body(ex));
        JsonValue id = msg.getOrDefault("id", JsonValue.NULL);
        String method = msg.getString("method", "");
        Optional<String> header = Optional.ofNullable(ex.getRequestHeaders().getFirst("MCP-Protocol-Version"));
        if (header.isPresent() && !header.get().equals(VERSION)) {
            unsupported(ex, id, header.get());
            return;
        }
        Optional<String> problem = stub.has(StubDefect.NO_HEADER_VALIDATION) ? Optional.empty() : mismatch(ex, msg);
        if (problem.isPresent()) {
            error(ex, id, -32020, "Header mismatch: " + problem.get());
            return;
        }
        if (p.expired() && !method.equals("tools/call")) {
            stub.invalidToken(ex, "");
            return;
        }
        switch (method) {
            case "server/discover" -> stub.result(ex, id, cacheable(Json.createObjectBuilder()
                    .add("supportedVersions", Json.createArrayBuilder().add(VERSION))
                    .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))));
            case "tools/list" -> stub.result(ex, id, cacheable(Json.createObjectBuilder().add("tools", tools(p))));
            case "tools/call" -> stub.call(ex, p, id, msg.getJsonObject("params").getString("name", ""));
            default -> {
                if (stub.catalog().handles(method)) {
                    stub.catalog().handle(ex, p, id, msg);
                } else {
                    error(ex, id, -32601, "Method not found");
                }
            }
        }
    }

    private JsonArrayBuilder tools(StubMcpServer.Principal p) {
        JsonArrayBuilder tools = stub.tools();
        if (stub.has(StubDefect.PUBLIC_CACHE_FOR_USER_DATA)) {
            tools.add(StubMcpServer.tool("notes_of_" + p.sub(), StubMcpServer.BASELINE));
        }
        return tools;
    }

    private static JsonObjectBuilder cacheable(JsonObjectBuilder result) {
        return result.add("resultType", "complete").add("ttlMs", 300000).add("cacheScope", "public");
    }

    private static Optional<String> mismatch(HttpExchange ex, JsonObject msg) {
        String method = msg.getString("method", "");
        Optional<String> version = Optional.ofNullable(ex.getRequestHeaders().getFirst("MCP-Protocol-Version"));
        Optional<String> mcpMethod = Optional.ofNullable(ex.getRequestHeaders().getFirst("Mcp-Method"));
        if (version.isEmpty()) {
            return Optional.of("MCP-Protocol-Version header is required");
        }
        if (!metaVersion(msg).equals(version)) {
            return Optional.of("MCP-Protocol-Version does not match _meta");
        }
        if (!mcpMethod.equals(Optional.of(method))) {
            return Optional.of("Mcp-Method header is missing or does not match the body");
        }
        if (method.equals("tools/call")) {
            String name = msg.getJsonObject("params").getString("name", "");
            if (!Optional.ofNullable(ex.getRequestHeaders().getFirst("Mcp-Name")).equals(Optional.of(name))) {
                return Optional.of("Mcp-Name header is missing or does not match the body");
            }
        }
        return Optional.empty();
    }

    private void unsupported(HttpExchange ex, JsonValue id, String requested) throws IOException {
        if (stub.has(StubDefect.LEGACY_VERSION_ERROR)) {
            StubMcpServer.send(ex, 400, "application/json", "{\"error\":\"unsupported MCP-Protocol-Version\"}");
            return;
        }
        JsonObject error = Json.createObjectBuilder().add("code", -32022).add("message", "Unsupported protocol version")
                .add("data", Json.createObjectBuilder().add("supported", Json.createArrayBuilder().add(VERSION)
                        .add("2025-11-25").add("2025-06-18")).add("requested", requested)).build();
        StubMcpServer.send(ex, 400, "application/json", Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                .add("error", error).build().toString());
    }

    private static void error(HttpExchange ex, JsonValue id, int code, String message) throws IOException {
        StubMcpServer.send(ex, code == -32601 ? 404 : 400, "application/json", Json.createObjectBuilder()
                .add("jsonrpc", "2.0").add("id", id)
                .add("error", Json.createObjectBuilder().add("code", code).add("message", message)).build().toString());
    }

    private static Optional<String> metaVersion(JsonObject msg) {
        JsonValue params = msg.get("params");
        if (params == null || params.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonValue meta = params.asJsonObject().get("_meta");
        if (meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        return Optional.ofNullable(meta.asJsonObject().getString(META, null));
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
