package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.AuthDecision;
import dev.mcpauth.server.auth.AuthNotes;
import dev.mcpauth.server.auth.BearerChallenge;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The authorization step on {@code /mcp}: the scope decision for one call, noted for the
 * decision log, and the 403 step-up challenge when it fails (RS-62..RS-66).
 */
@ApplicationScoped
public class ScopeGate {

    private final McpSettings settings;
    private final CallScopes callScopes;

    @Inject
    public ScopeGate(McpSettings settings, CallScopes callScopes) {
        this.settings = settings;
        this.callScopes = callScopes;
    }

    /** The scope decision for one JSON-RPC message: a 403 if the token lacks what it needs. */
    Optional<Response> check(AccessToken token, JsonRpcMessage message) {
        return check(token, callScopes.requiredFor(message), callScopes.describe(message));
    }

    /**
     * @param subject what is being called, for {@code error_description}: "tool server_status", "method ping"
     * @return a 403 response if the token lacks {@code required}; empty if the call may proceed
     */
    Optional<Response> check(AccessToken token, Set<String> required, String subject) {
        AuthDecision allowed = AuthDecision.allowed(token);
        if (ScopePolicy.allows(token.scopes(), required)) {
            AuthNotes.current().ifPresent(notes -> notes.decide(allowed));
            return Optional.empty();
        }
        AuthNotes.current().ifPresent(notes -> notes.decide(allowed.deny("insufficient_scope")));
        String scope = ScopePolicy.challengeValue(required);
        BearerChallenge challenge = BearerChallenge.insufficientScope(subject + " needs " + scope, scope,
                                                                      settings.protectedResourceMetadataUrl());
        return Optional.of(McpResponses.insufficientScope(challenge));
    }
}
