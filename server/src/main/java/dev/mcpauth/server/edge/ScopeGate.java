package dev.mcpauth.server.edge;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.AuthDecision;
import dev.mcpauth.server.auth.BearerChallenge;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.mcp.CallGate;
import dev.mcpauth.server.mcp.JsonRpcMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The authorization step on {@code /mcp}: the scope decision for one call, recorded in the
 * request's {@link RequestAuthOutcome}, and the 403 step-up challenge when it fails (RS-62,
 * RS-63, RS-64, RS-65, RS-66).
 */
@ApplicationScoped
public class ScopeGate implements CallGate {

    private final McpSettings settings;
    private final CallScopes callScopes;

    @Inject
    public ScopeGate(McpSettings settings, CallScopes callScopes) {
        this.settings = settings;
        this.callScopes = callScopes;
    }

    @Override
    public Optional<Response> refusal(AccessToken token, JsonRpcMessage message) {
        return refusal(token, callScopes.requiredFor(message), callScopes.describe(message));
    }

    @Override
    public Optional<Response> refusal(AccessToken token, Set<String> required, String subject) {
        AuthDecision allowed = AuthDecision.allowed(token);
        if (ScopePolicy.allows(token.scopes(), required)) {
            RequestAuthOutcome.current().ifPresent(outcome -> outcome.authorized(allowed));
            return Optional.empty();
        }
        RequestAuthOutcome.current().ifPresent(outcome -> outcome.authorized(allowed.deny("insufficient_scope")));
        String scope = ScopePolicy.challengeValue(required);
        BearerChallenge challenge = BearerChallenge.insufficientScope(subject + " needs " + scope, scope,
                                                                      settings.protectedResourceMetadataUrl());
        return Optional.of(insufficientScope(challenge));
    }

    /** RS-62, RS-63: an HTTP 403 with the step-up challenge, not a JSON-RPC error. */
    private static Response insufficientScope(BearerChallenge challenge) {
        return Response.status(challenge.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(challenge.jsonBody())
                .build();
    }
}
