package dev.mcpauth.conformance.load;

import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.token.AttackerJwks;
import dev.mcpauth.conformance.token.JwsSigner;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.IssuerTokens;
import dev.mcpauth.conformance.token.PublishedKey;
import dev.mcpauth.conformance.token.TokenMutation;
import dev.mcpauth.conformance.token.TokenSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link LoadTokens} backed by a running suite test issuer that the target trusts: the adapter to
 * the suite's {@link IssuerTokens} (good tokens and the {@link TokenMutation}s the mix names).
 */
public final class IssuerLoadTokens implements LoadTokens {
    /** The {@code client_id} (and {@code sub}) of the load's tokens. */
    public static final String CLIENT_ID = "mcp-auth-load";

    /** The mix's mutations are all signed by the issuer or damage a good token: none needs a published key. */
    private static final Supplier<PublishedKey> NO_PUBLISHED_KEY = () -> {
        throw new IllegalStateException("the load's tokens need no published key");
    };

    private final AttackerJwks attacker;
    private final String scope;
    private final URI issuer;
    private final URI audience;
    private final Duration timeout;
    private final Clock clock;
    private volatile IssuerTokens factory;
    private volatile String keyId;

    private IssuerLoadTokens(IssuerClient client, AttackerJwks attacker, String scope, URI issuer, URI audience,
                             Duration timeout, Clock clock) {
        this.attacker = attacker;
        this.scope = scope;
        this.issuer = issuer;
        this.audience = audience;
        this.timeout = timeout;
        this.clock = clock;
        use(client);
    }

    private void use(IssuerClient client) {
        factory = IssuerTokens.of(TokenSource.Mode.ISSUER, client, client.currentKey(),
                new IssuerTokens.Template(client.issuer().toString(), audience.toString(), CLIENT_ID),
                attacker, clock, token -> { });
        keyId = client.currentKey().getKeyID();
    }

    /**
     * Follows a key rotation: the issuer signs with its current key, so a good token must name
     * that key's kid. While the issuer's JWKS cannot be read the last key is kept.
     */
    private synchronized IssuerTokens current() {
        try {
            IssuerClient client = IssuerClient.connect(issuer, timeout);
            if (!client.currentKey().getKeyID().equals(keyId)) {
                use(client);
            }
        } catch (JwsSigner.SigningException e) {
            // the issuer's JWKS is down: keep minting with the key known last
        }
        return factory;
    }

    /**
     * Connects to the issuer.
     *
     * @param audience the target's resource identifier (the good tokens' {@code aud})
     * @param scope    the scope of every token (space-separated; empty for none)
     */
    public static IssuerLoadTokens connect(URI issuer, URI audience, String scope, Duration timeout, Clock clock)
            throws LoadSetupException {
        IssuerClient client;
        try {
            client = IssuerClient.connect(issuer, timeout);
        } catch (JwsSigner.SigningException e) {
            throw new LoadSetupException("cannot use the issuer " + issuer + ": " + e.getMessage());
        }
        // The factory needs an attacker key set for mutations the load never sends; it costs one loopback listener.
        AttackerJwks attacker = AttackerJwks.start();
        return new IssuerLoadTokens(client, attacker, scope, issuer, audience, timeout, clock);
    }

    @Override
    public Optional<String> mint(TokenKind kind) throws LoadSetupException {
        IssuerTokens factory = kind == TokenKind.GOOD ? current() : this.factory;
        Minted minted = switch (kind) {
            case GOOD -> factory.withScopes(scope);
            case EXPIRED -> factory.mutated(TokenMutation.EXPIRED, scope, NO_PUBLISHED_KEY);
            case WRONG_AUD -> factory.mutated(TokenMutation.WRONG_AUDIENCE, scope, NO_PUBLISHED_KEY);
            case BAD_SIG -> factory.mutated(TokenMutation.FLIPPED_SIGNATURE, scope, NO_PUBLISHED_KEY);
            case NO_TOKEN -> Minted.unavailable("no token");
        };
        if (kind == TokenKind.NO_TOKEN) {
            return Optional.empty();
        }
        if (!minted.available()) {
            throw new LoadSetupException("cannot mint a " + kind.key() + " token: " + minted.unavailable());
        }
        return minted.token();
    }

    /** How long a good token stays valid; the load re-mints well before. */
    public static Duration lifetime() {
        return IssuerTokens.LIFETIME;
    }

    @Override
    public void close() {
        attacker.close();
    }
}
