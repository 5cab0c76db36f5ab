package dev.mcpauth.server.mcp.catalog;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AuthDecisionLog;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.json.JsonFactory;
import dev.mcpauth.server.mcp.tools.ContentBlocks;
import dev.mcpauth.server.mcp.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The reference server's own resource and prompt, always served, each behind a scope beyond the
 * baseline and declaring it in {@code _meta} the way tools do (SEP-2350, RS-62, RS-63, RS-64):
 * <ul>
 *     <li>{@value #AUTH_DECISIONS} ({@code mcp:admin}): auth decisions by reason since start;</li>
 *     <li>{@value #MEMORY_CLEANUP} ({@code mcp:write}): asks the assistant to review the caller's
 *     memories and delete outdated ones, which needs {@code memory_delete}.</li>
 * </ul>
 * Their results say {@code cacheScope: "private"}, which 2026-07-28 keeps (2025 clients ignore it).
 */
@ApplicationScoped
public class ServerCatalog {

    public static final String AUTH_DECISIONS = "mcp-auth://server/auth-decisions";
    public static final String MEMORY_CLEANUP = "memory_cleanup";
    static final Set<String> AUTH_DECISIONS_SCOPES = Set.of(ScopePolicy.ADMIN);
    static final Set<String> MEMORY_CLEANUP_SCOPES = Set.of(ScopePolicy.WRITE);

    /** Only some scopes may see these results, so no cache may share them across tokens (RS-71). */
    static final String PRIVATE = "private";

    private final AuthDecisionLog decisions;

    @Inject
    public ServerCatalog(AuthDecisionLog decisions) {
        this.decisions = decisions;
    }

    /** The {@code resources/list} entries. */
    public JsonArrayBuilder resources() {
        return JsonFactory.createArrayBuilder().add(declaring(JsonFactory.createObjectBuilder().add("uri", AUTH_DECISIONS)
                .add("name", "Auth decisions").add("description", "Auth decisions by reason since the server started")
                .add("mimeType", "application/json"), AUTH_DECISIONS_SCOPES));
    }

    /** The {@code prompts/list} entries. */
    public JsonArrayBuilder prompts() {
        return JsonFactory.createArrayBuilder().add(declaring(JsonFactory.createObjectBuilder().add("name", MEMORY_CLEANUP)
                .add("description", "Review my saved memories and delete the outdated ones")
                .add("arguments", JsonFactory.createArrayBuilder()), MEMORY_CLEANUP_SCOPES));
    }

    /** The scopes beyond the baseline that reading {@code uri} needs, if it is this server's resource. */
    public Optional<Set<String>> resourceScopes(String uri) {
        return AUTH_DECISIONS.equals(uri) ? Optional.of(AUTH_DECISIONS_SCOPES) : Optional.empty();
    }

    /** The scopes beyond the baseline that getting prompt {@code name} needs, if it is this server's prompt. */
    public Optional<Set<String>> promptScopes(String name) {
        return MEMORY_CLEANUP.equals(name) ? Optional.of(MEMORY_CLEANUP_SCOPES) : Optional.empty();
    }

    /** The {@code resources/read} result, if {@code uri} is this server's resource. */
    public Optional<JsonObject> read(String uri) {
        if (!AUTH_DECISIONS.equals(uri)) {
            return Optional.empty();
        }
        JsonObjectBuilder counts = JsonFactory.createObjectBuilder();
        decisions.countsByReason().forEach(counts::add);
        String text = JsonFactory.createObjectBuilder().add("auth_decisions_by_reason", counts).build().toString();
        return Optional.of(JsonFactory.createObjectBuilder().add("contents", JsonFactory.createArrayBuilder()
                .add(JsonFactory.createObjectBuilder().add("uri", uri).add("mimeType", "application/json").add("text", text)))
                .add("cacheScope", PRIVATE).build());
    }

    /** The {@code prompts/get} result, if {@code name} is this server's prompt. */
    public Optional<JsonObject> get(String name) {
        if (!MEMORY_CLEANUP.equals(name)) {
            return Optional.empty();
        }
        JsonObject text = ContentBlocks.text("List my saved memories with memory_list, tell me which ones look outdated "
                + "or duplicated, and after I confirm, delete them with memory_delete.");
        return Optional.of(JsonFactory.createObjectBuilder().add("description", "Review and prune my memories")
                .add("messages", JsonFactory.createArrayBuilder().add(JsonFactory.createObjectBuilder().add("role", "user")
                        .add("content", text))).add("cacheScope", PRIVATE).build());
    }

    /** A list entry with the scopes its use needs in {@code _meta}, as {@code tools/list} shows them. */
    private static JsonObjectBuilder declaring(JsonObjectBuilder entry, Set<String> scopes) {
        JsonArrayBuilder required = JsonFactory.createArrayBuilder();
        ScopePolicy.requiredFor(scopes).forEach(required::add);
        return entry.add("_meta", JsonFactory.createObjectBuilder().add(ToolRegistry.REQUIRED_SCOPES_META, required));
    }
}
