package dev.mcpauth.server.health;

import dev.mcpauth.server.auth.JwksKeySource;
import dev.mcpauth.server.config.AuthMode;
import dev.mcpauth.server.config.AuthModeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the authorization server's signing keys are loaded: before that no token can pass.
 * With {@code mcp.auth.mode=introspection} no key is needed, so this check is always up.
 */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

    private final JwksKeySource keys;
    private final boolean keysNeeded;

    @Inject
    public SigningKeysReadiness(JwksKeySource keys, AuthModeSettings mode) {
        this.keys = keys;
        this.keysNeeded = mode.mode() != AuthMode.INTROSPECTION;
    }

    @Override
    public HealthCheckResponse call() {
        if (!keysNeeded) {
            return HealthCheckResponse.named("signing-keys").up().withData("mode", "introspection").build();
        }
        return HealthCheckResponse.named("signing-keys")
                .status(keys.hasKeys())
                .withData("keys", keys.keyIds().size())
                .withData("jwks_uri", keys.knownLocation().map(Object::toString).orElse("(not yet discovered)"))
                .build();
    }
}
