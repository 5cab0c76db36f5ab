package dev.mcpauth.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are validated, beyond the JWT settings of {@link McpSettings}.
 *
 * @param mode                  {@code mcp.auth.mode}
 * @param introspectionEndpoint {@code mcp.auth.introspection-endpoint}; empty means discover
 *                              {@code introspection_endpoint} from the issuer metadata
 * @param clientId              the server's own client id at the authorization server (RFC 7662 §2.1)
 * @param clientSecret          its secret, sent with {@code client_secret_basic}; never shown by {@link #toString()}
 * @param cacheTtl              how long an active introspection answer is reused (never past {@code exp}); zero: off
 * @param retryInterval         after an introspection failure, requests fail closed without calling
 *                              the endpoint for this long (the outage is rate-limited)
 * @param scopeClaim            the claim holding the granted scopes; empty means {@code scope} and {@code scp}
 */
public record AuthModeSettings(AuthMode mode,
                               Optional<URI> introspectionEndpoint,
                               String clientId,
                               String clientSecret,
                               Duration cacheTtl,
                               Duration retryInterval,
                               Optional<String> scopeClaim) {

    /** JWT validation only, scopes from {@code scope} and {@code scp}: what an unconfigured server does. */
    public static AuthModeSettings jwtOnly() {
        return new AuthModeSettings(AuthMode.JWT, Optional.empty(), "", "", Duration.ZERO, Duration.ZERO, Optional.empty());
    }

    @Override
    public String toString() {
        return "AuthModeSettings[mode=" + mode + ", introspectionEndpoint=" + introspectionEndpoint + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isEmpty() ? "(none)" : "(set)") + ", cacheTtl=" + cacheTtl
                + ", retryInterval=" + retryInterval + ", scopeClaim=" + scopeClaim + "]";
    }
}
