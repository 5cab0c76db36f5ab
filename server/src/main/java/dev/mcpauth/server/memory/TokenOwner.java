package dev.mcpauth.server.memory;

import java.util.Optional;

import dev.mcpauth.server.memory.domain.Owner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The owner of an HTTP call: {@code iss} and {@code sub} of the access token that the bearer
 * edge has already verified, read through MicroProfile JWT (request-scoped behind the proxy).
 */
@ApplicationScoped
public class TokenOwner implements CurrentOwner {

    private final JsonWebToken jwt;

    @Inject
    public TokenOwner(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    @Override
    public Optional<Owner> current() {
        String issuer = jwt.getIssuer();
        String subject = jwt.getSubject();
        if (issuer == null || subject == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(issuer, subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
