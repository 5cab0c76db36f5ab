package dev.mcpauth.server.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpauth.server.config.AuthMode;
import dev.mcpauth.server.config.AuthModeSettings;
import dev.mcpauth.server.config.McpSettings;

/** Builds the {@link TokenValidator} that {@code mcp.auth.mode} asks for, for one audience. */
public final class TokenValidators {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private TokenValidators() {
    }

    /** For every issuer of {@code mcp.auth.issuer}: with several, the token's {@code iss} picks the key set. */
    public static TokenValidator create(McpSettings settings, AuthModeSettings mode, String audience,
                                        JwksKeySource keys, MoreIssuerKeys more, Clock clock) {
        TokenValidator first = create(settings, mode, audience, keys, clock);
        if (more.byIssuer().isEmpty()) {
            return first;
        }
        Map<String, TokenValidator> byIssuer = new LinkedHashMap<>();
        more.byIssuer().forEach((issuer, source) -> byIssuer.put(issuer, new AccessTokenValidator(
                settings.forIssuer(URI.create(issuer)), audience, source, clock, new ScopeClaims(mode.scopeClaim()))));
        return new IssuerRoutingValidator(first, byIssuer);
    }

    public static TokenValidator create(McpSettings settings, AuthModeSettings mode, String audience,
                                        JwksKeySource keys, Clock clock) {
        ScopeClaims scopes = new ScopeClaims(mode.scopeClaim());
        AccessTokenValidator jwt = new AccessTokenValidator(settings, audience, keys, clock, scopes);
        if (mode.mode() == AuthMode.JWT) {
            return jwt;
        }
        HttpJson http = new HttpJson(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        IntrospectionClient client = new IntrospectionClient(http, mode.introspectionEndpoint(),
                new IssuerMetadataDiscovery(http, settings.issuerId()), mode.clientId(), mode.clientSecret());
        IntrospectionValidator introspection = new IntrospectionValidator(client,
                new IntrospectionClaimsCheck(settings.issuerId(), audience, settings.clockSkew(), clock, scopes),
                clock, mode.cacheTtl(), mode.retryInterval());
        return mode.mode() == AuthMode.INTROSPECTION ? introspection : new FormatRoutingValidator(jwt, introspection);
    }
}
