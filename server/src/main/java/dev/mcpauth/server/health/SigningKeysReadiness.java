package dev.mcpauth.server.health;

import dev.mcpauth.server.auth.JwksKeySource;
import dev.mcpauth.server.auth.MoreIssuerKeys;
import dev.mcpauth.server.config.AuthMode;
import dev.mcpauth.server.config.AuthModeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the signing keys of every configured issuer ({@code mcp.auth.issuer}) are loaded: before
 * that some issuer's tokens cannot pass, and a balancer should not send traffic that would fail.
 * With {@code mcp.auth.mode=introspection} no key is needed, so this check is always up.
 */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

    private final JwksKeySource keys;
    private final MoreIssuerKeys more;
    private final boolean keysNeeded;

    @Inject
    public SigningKeysReadiness(JwksKeySource keys, MoreIssuerKeys more, AuthModeSettings mode) {
        this.keys = keys;
        this.more = more;
        this.keysNeeded = mode.mode() != AuthMode.INTROSPECTION;
    }

    @Override
    public HealthCheckResponse call() {
        if (!keysNeeded) {
            return HealthCheckResponse.named("signing-keys").up().withData("mode", "introspection").build();
        }
        return HealthCheckResponse.named("signing-keys")
                .status(keys.hasKeys() && more.allHaveKeys())
                .withData("issuers", 1 + more.byIssuer().size())
                .withData("keys", keys.keyIds().size())
                .withData("jwks_uri", keys.knownLocation().map(Object::toString).orElse("(not yet discovered)"))
                .build();
    }
}
