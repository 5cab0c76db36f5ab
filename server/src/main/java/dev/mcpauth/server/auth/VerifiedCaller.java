package dev.mcpauth.server.auth;

import java.util.Optional;

import io.helidon.security.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The verified {@link AccessToken} of the current request, as the bearer edge left it in the
 * Helidon security subject. Application code reads the caller through MP-JWT's
 * {@code JsonWebToken}, which exists only for JWTs; an introspected opaque token (RS-60) has no
 * JWT, so this is the fallback that works for both. Empty outside an authenticated request.
 */
@ApplicationScoped
public class VerifiedCaller {

    private final Instance<SecurityContext> security;

    @Inject
    public VerifiedCaller(Instance<SecurityContext> security) {
        this.security = security;
    }

    public Optional<AccessToken> token() {
        try {
            return security.get().user().flatMap(subject -> subject.publicCredential(AccessToken.class));
        } catch (ContextNotActiveException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
