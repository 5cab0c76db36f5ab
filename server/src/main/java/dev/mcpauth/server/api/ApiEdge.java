package dev.mcpauth.server.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.AuthDecision;
import dev.mcpauth.server.auth.AuthDecisionLog;
import dev.mcpauth.server.auth.BearerAuthenticator;
import dev.mcpauth.server.auth.BearerAuthenticator.Authentication;
import dev.mcpauth.server.auth.BearerChallenge;
import dev.mcpauth.server.auth.BearerRejection;
import dev.mcpauth.server.auth.JwksKeySource;
import dev.mcpauth.server.auth.MoreIssuerKeys;
import dev.mcpauth.server.auth.PresentedCredentials;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.auth.TokenValidators;
import dev.mcpauth.server.config.ApiSettings;
import dev.mcpauth.server.config.ApiSettingsReader;
import dev.mcpauth.server.config.AuthModeSettings;
import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.config.SettingsSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

/**
 * The bearer edge of the REST API, a protected resource of its own: the same
 * {@link BearerAuthenticator} as {@code /mcp} (same token rules and challenges), but with the
 * API's audience ({@code mcp.api.resource}) and the API's metadata URL in every challenge, so a
 * token minted for {@code /mcp} is refused here and the other way round.
 */
@ApplicationScoped
public class ApiEdge {

    private final ApiSettings api;
    private final Optional<BearerAuthenticator> authenticator;
    private final AuthDecisionLog decisions;

    @Inject
    public ApiEdge(Config config, McpSettings settings, AuthModeSettings mode, JwksKeySource keys, MoreIssuerKeys more,
                   Clock clock, AuthDecisionLog decisions) {
        this.api = ApiSettingsReader.read(SettingsSource.of(config));
        this.decisions = decisions;
        this.authenticator = api.resourceId().map(audience -> new BearerAuthenticator(
                api.protectedResourceMetadataUrl().orElseThrow(), TokenValidators.create(settings, mode, audience, keys, more, clock)));
    }

    public boolean enabled() {
        return authenticator.isPresent();
    }

    public ApiSettings settings() {
        return api;
    }

    /** The verified token, or the response that refuses the request (401/400/503 with the challenge). */
    Authentication authenticate(List<String> authorizationHeaders, boolean queryToken) {
        Authentication outcome = authenticator.orElseThrow()
                .authenticate(new PresentedCredentials(authorizationHeaders, queryToken, false));
        if (outcome instanceof Authentication.Failure failure) {
            decisions.record(failure.decision().forCall(Optional.of("api"), Optional.empty()));
        }
        return outcome;
    }

    static Response refusal(BearerRejection rejection) {
        Response.ResponseBuilder response = Response.status(rejection.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rejection.jsonBody());
        rejection.challenge().ifPresent(c -> response.header(HttpHeaders.WWW_AUTHENTICATE, c.headerValue()));
        if (rejection.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, BearerRejection.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /**
     * The scope step for one API call ({@code mcp:read} to read, {@code mcp:read mcp:write} to
     * change): empty when allowed, else 403 {@code insufficient_scope} naming the API's metadata.
     */
    Optional<Response> scopeRefusal(AccessToken token, Set<String> toolScopes, String what) {
        Set<String> required = ScopePolicy.requiredFor(toolScopes);
        AuthDecision allowed = AuthDecision.allowed(token).forCall(Optional.of("api"), Optional.of(what));
        if (ScopePolicy.allows(token.scopes(), required)) {
            decisions.record(allowed);
            return Optional.empty();
        }
        decisions.record(allowed.deny("insufficient_scope"));
        String scope = ScopePolicy.challengeValue(required);
        BearerChallenge challenge = BearerChallenge.insufficientScope(what + " needs " + scope, scope,
                                                                      api.protectedResourceMetadataUrl().orElseThrow());
        return Optional.of(Response.status(challenge.status())
                                   .header(HttpHeaders.WWW_AUTHENTICATE, challenge.headerValue())
                                   .type(MediaType.APPLICATION_JSON_TYPE)
                                   .entity(challenge.jsonBody())
                                   .build());
    }
}
