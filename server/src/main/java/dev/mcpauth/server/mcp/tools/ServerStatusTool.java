package dev.mcpauth.server.mcp.tools;

import java.util.Set;

import dev.mcpauth.server.auth.AuthDecisionLog;
import dev.mcpauth.server.auth.JwksKeySource;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.json.JsonFactory;
import dev.mcpauth.server.mcp.McpSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * {@code server_status} ({@code mcp:admin}): the configuration an operator needs to debug a
 * deployment (resource, issuer, the key IDs trusted right now) and auth decisions by reason.
 */
@ApplicationScoped
public class ServerStatusTool implements McpTool {

    private final McpSettings settings;
    private final JwksKeySource keys;
    private final AuthDecisionLog decisions;
    private final McpSessions sessions;

    @Inject
    public ServerStatusTool(McpSettings settings, JwksKeySource keys, AuthDecisionLog decisions, McpSessions sessions) {
        this.settings = settings;
        this.keys = keys;
        this.decisions = decisions;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "server_status";
    }

    @Override
    public String title() {
        return "Server status";
    }

    @Override
    public String description() {
        return "Shows the resource, trusted issuers, signing key IDs currently trusted and auth decision counts.";
    }

    @Override
    public Set<String> scopes() {
        return Set.of(ScopePolicy.ADMIN);
    }

    @Override
    public ToolResult call(JsonObject arguments) {
        JsonArrayBuilder keyIds = JsonFactory.createArrayBuilder();
        JsonArrayBuilder issuers = JsonFactory.createArrayBuilder();
        settings.issuerIds().forEach(issuers::add);
        keys.keyIds().forEach(keyIds::add);
        JsonObjectBuilder counts = JsonFactory.createObjectBuilder();
        decisions.countsByReason().forEach(counts::add);
        return ToolResult.ok(JsonFactory.createObjectBuilder()
                .add("resource", settings.resourceId())
                .add("issuer", settings.issuerId())
                .add("issuers", issuers)
                .add("jwks_uri", keys.knownLocation().map(Object::toString).orElse("(not yet discovered)"))
                .add("trusted_key_ids", keyIds)
                .add("jwks_fetches", keys.fetchCount())
                .add("token_type_profile", settings.tokenType().name().toLowerCase(java.util.Locale.ROOT))
                .add("active_sessions", sessions.activeCount())
                .add("auth_decisions_by_reason", counts)
                .build());
    }
}
