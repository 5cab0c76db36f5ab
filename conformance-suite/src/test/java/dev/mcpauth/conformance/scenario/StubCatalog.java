package dev.mcpauth.conformance.scenario;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The stub's resources and prompts, both eras: one resource that needs {@code mcp:admin} and one
 * prompt that needs {@code mcp:write} and {@code notes:read}, each declaring its scopes in
 * {@code _meta} as the tools do, and refused with the stub's insufficient-scope challenge naming
 * every scope the call needs. {@link StubDefect}s break that challenge.
 */
final class StubCatalog {
    static final String RESOURCE = "stub://audit-log";
    static final String PROMPT = "weekly_review";
    static final List<String> RESOURCE_SCOPES = List.of(StubMcpServer.ADMIN);
    static final List<String> PROMPT_SCOPES = List.of(StubMcpServer.WRITE, "notes:read");
    private static final Set<String> METHODS = Set.of("resources/list", "resources/read", "prompts/list", "prompts/get");

    private final StubMcpServer stub;

    StubCatalog(StubMcpServer stub) {
        this.stub = stub;
    }

    boolean handles(String method) {
        return METHODS.contains(method);
    }

    void handle(HttpExchange ex, StubMcpServer.Principal p, JsonValue id, JsonObject msg) throws IOException {
        JsonObject params = msg.get("params") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        switch (msg.getString("method", "")) {
            case "resources/list" -> stub.result(ex, id, Json.createObjectBuilder().add("resources", Json.createArrayBuilder()
                    .add(item("uri", RESOURCE, RESOURCE_SCOPES).add("name", "Audit log").add("mimeType", "text/plain"))));
            case "prompts/list" -> stub.result(ex, id, Json.createObjectBuilder().add("prompts", Json.createArrayBuilder()
                    .add(item("name", PROMPT, PROMPT_SCOPES).add("description", "Review this week's notes"))));
            case "resources/read" -> read(ex, p, id, params.getString("uri", ""));
            case "prompts/get" -> get(ex, p, id, params.getString("name", ""));
            default -> throw new IllegalStateException("not a catalogue method");
        }
    }

    private void read(HttpExchange ex, StubMcpServer.Principal p, JsonValue id, String uri) throws IOException {
        if (!uri.equals(RESOURCE)) {
            error(ex, id, -32002, "Resource not found");
        } else if (!stub.has(StubDefect.RESOURCE_READ_UNSCOPED) && !allows(p, RESOURCE_SCOPES)) {
            stub.insufficientScope(ex, stub.has(StubDefect.RESOURCE_CHALLENGE_METHOD_SCOPE) ? StubMcpServer.BASELINE
                    : String.join(" ", RESOURCE_SCOPES));
        } else {
            stub.result(ex, id, Json.createObjectBuilder().add("contents", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("uri", uri).add("mimeType", "text/plain").add("text", "audit ok"))));
        }
    }

    private void get(HttpExchange ex, StubMcpServer.Principal p, JsonValue id, String name) throws IOException {
        if (!name.equals(PROMPT)) {
            error(ex, id, -32602, "unknown prompt");
            return;
        }
        List<String> missing = PROMPT_SCOPES.stream().filter(s -> !p.scopes().contains(s)).toList();
        if (!allows(p, PROMPT_SCOPES)) {
            // ONE_SCOPE_AT_A_TIME: the challenge names only the first scope still missing (SEP-2350's anti-pattern)
            stub.insufficientScope(ex, stub.has(StubDefect.PROMPT_ONE_SCOPE_AT_A_TIME) ? missing.get(0)
                    : String.join(" ", PROMPT_SCOPES));
            return;
        }
        stub.result(ex, id, Json.createObjectBuilder().add("messages", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("role", "user").add("content", Json.createObjectBuilder()
                        .add("type", "text").add("text", "Review this week's notes.")))));
    }

    private static boolean allows(StubMcpServer.Principal p, List<String> needed) {
        return p.scopes().contains(StubMcpServer.ADMIN) || p.scopes().containsAll(needed);
    }

    private static JsonObjectBuilder item(String idField, String id, List<String> scopes) {
        JsonArrayBuilder declared = Json.createArrayBuilder();
        scopes.forEach(declared::add);
        return Json.createObjectBuilder().add(idField, id)
                .add("_meta", Json.createObjectBuilder().add("dev.mcpauth/requiredScopes", declared));
    }

    private static void error(HttpExchange ex, JsonValue id, int code, String message) throws IOException {
        StubMcpServer.send(ex, 200, "application/json", Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                .add("error", Json.createObjectBuilder().add("code", code).add("message", message)).build().toString());
    }
}
