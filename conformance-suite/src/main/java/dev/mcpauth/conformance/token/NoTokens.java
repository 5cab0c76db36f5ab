package dev.mcpauth.conformance.token;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** No source of tokens (the issuer could not be used): every token is unavailable with the reason. */
public record NoTokens(String reason, Optional<URI> issuer) implements TokenSource {
    public NoTokens {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public Mode mode() {
        return Mode.NONE;
    }

    @Override
    public Minted baseline(String baselineScope) {
        return Minted.unavailable(reason);
    }

    @Override
    public Minted lowScope(String baselineScope) {
        return Minted.unavailable(reason);
    }

    @Override
    public String lowScopeDescription(String baselineScope) {
        return "no token (" + reason + ")";
    }

    @Override
    public Minted withScopes(String scope) {
        return Minted.unavailable(reason);
    }

    @Override
    public Minted mutated(TokenMutation mutation, String baselineScope, Supplier<PublishedKey> publishedKey) {
        return Minted.unavailable(reason);
    }
}
