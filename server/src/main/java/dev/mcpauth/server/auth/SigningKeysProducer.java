package dev.mcpauth.server.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpauth.server.config.AuthMode;
import dev.mcpauth.server.config.AuthModeSettings;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the key source and the validator ({@link TokenValidators}, by {@code mcp.auth.mode}) once, from the settings, and starts loading the keys
 * at startup in the background (readiness stays DOWN until they arrive; requests before then
 * fetch on demand).
 */
@ApplicationScoped
public class SigningKeysProducer {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Produces
    @Singleton
    JwksKeySource keySource(McpSettings settings, Clock clock) {
        return keySourceFor(settings, clock);
    }

    @Produces
    @Singleton
    MoreIssuerKeys moreIssuerKeys(McpSettings settings, Clock clock) {
        Map<String, JwksKeySource> byIssuer = new LinkedHashMap<>();
        settings.moreIssuers().forEach(other -> byIssuer.put(other.toString(), keySourceFor(settings.forIssuer(other), clock)));
        return new MoreIssuerKeys(Collections.unmodifiableMap(byIssuer));
    }

    private static JwksKeySource keySourceFor(McpSettings settings, Clock clock) {
        HttpJson http = new HttpJson(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        JwksLocation location = settings.jwksUri()
                .map(JwksLocation::fixed)
                .orElseGet(() -> JwksLocation.discovered(new IssuerMetadataDiscovery(http, settings.issuerId())));
        return new JwksKeySource(location, new JwksDocumentReader(http), clock,
                                 settings.jwksRefreshMinInterval(), settings.jwksCacheTtl());
    }

    @Produces
    @Singleton
    TokenValidator validator(McpSettings settings, AuthModeSettings mode, JwksKeySource keys, MoreIssuerKeys more,
                             Clock clock) {
        return TokenValidators.create(settings, mode, settings.resourceId(), keys, more, clock);
    }

    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object event, JwksKeySource keys, MoreIssuerKeys more,
                AuthModeSettings mode) {
        if (mode.mode() == AuthMode.INTROSPECTION) {
            return;
        }
        Thread.ofVirtual().name("jwks-warm-up").start(keys::warmUp);
        more.byIssuer().values().forEach(source -> Thread.ofVirtual().name("jwks-warm-up").start(source::warmUp));
    }
}
