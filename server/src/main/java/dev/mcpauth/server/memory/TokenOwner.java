package dev.mcpauth.server.memory;

import java.util.Optional;

import dev.mcpauth.server.auth.VerifiedCaller;
import dev.mcpauth.server.memory.domain.Owner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The owner of an HTTP call: {@code iss} and {@code sub} of the access token that the bearer
 * edge has already verified, read through MicroProfile JWT (request-scoped behind the proxy), or
 * from the {@link VerifiedCaller} when the token was introspected and is no JWT.
 */
@ApplicationScoped
public class TokenOwner implements CurrentOwner {

    private final JsonWebToken jwt;
    private final VerifiedCaller caller;

    @Inject
    public TokenOwner(JsonWebToken jwt, VerifiedCaller caller) {
        this.jwt = jwt;
        this.caller = caller;
    }

    @Override
    public Optional<Owner> current() {
        if (jwt.getIssuer() == null || jwt.getSubject() == null) {
            // an introspected opaque token has no JsonWebToken: the verified token itself names the owner
            return caller.token().flatMap(token -> owner(token.issuer(), token.subject()));
        }
        return owner(jwt.getIssuer(), jwt.getSubject());
    }

    private static Optional<Owner> owner(String issuer, String subject) {
        try {
            return Optional.of(new Owner(issuer, subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
