package dev.mcpauth.server.health;

import dev.mcpauth.server.auth.JwksKeySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the authorization server's signing keys are loaded: before that no token can pass. */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

    private final JwksKeySource keys;

    @Inject
    public SigningKeysReadiness(JwksKeySource keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signing-keys")
                .status(keys.hasKeys())
                .withData("keys", keys.keyIds().size())
                .withData("jwks_uri", keys.knownLocation().map(Object::toString).orElse("(not yet discovered)"))
                .build();
    }
}
