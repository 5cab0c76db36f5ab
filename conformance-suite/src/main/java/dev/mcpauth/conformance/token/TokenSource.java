package dev.mcpauth.conformance.token;

import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.conformance.options.TokenTyp;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a run's tokens come from: the suite's issuer ({@link IssuerTokens}), tokens the
 * operator supplied ({@link OperatorTokenSource}), or nothing ({@link NoTokens}). Scenarios ask
 * for tokens by purpose; a token a source cannot make comes back
 * {@link Minted#unavailable(String) unavailable} with the reason, and the check becomes untestable.
 */
public interface TokenSource {
    /** Where tokens come from in this run. */
    enum Mode {
        /** an issuer the operator named; the target is expected to trust it */
        ISSUER,
        /** an issuer the suite started itself; trusted only if the target lists it */
        IN_PROCESS_ISSUER,
        /** only operator-supplied tokens */
        OPERATOR,
        /** no usable source of tokens */
        NONE
    }

    Mode mode();

    /** The trusted issuer's identifier, in the issuer modes. */
    Optional<URI> issuer();

    /** A good token with the baseline scope. */
    Minted baseline(String baselineScope);

    /** A good token that lacks the privileged scope. */
    Minted lowScope(String baselineScope);

    /** What the suite knows about {@link #lowScope}, for messages. */
    String lowScopeDescription(String baselineScope);

    /** A good token with exactly these scopes (space-separated); only an issuer can make one. */
    Minted withScopes(String scope);

    /**
     * The baseline token broken as the mutation says.
     *
     * @param publishedKey the AS's published key, looked up only when an operator source needs it
     */
    Minted mutated(TokenMutation mutation, String baselineScope, Supplier<PublishedKey> publishedKey);

    /** {@link #mutated(TokenMutation, String, Supplier)} where no published key can be looked up. */
    default Minted mutated(TokenMutation mutation, String baselineScope) {
        return mutated(mutation, baselineScope, () -> PublishedKey.missing(java.util.List.of(),
                "no published key lookup in this context"));
    }

    /** What the token of {@link #mutated} is, for messages. */
    default String mutationDescription(TokenMutation mutation) {
        return mutation.description();
    }

    /**
     * This source minting its good tokens with this {@code typ} header; empty when it cannot choose (operator
     * tokens are what they are).
     */
    default Optional<TokenSource> withTokenTyp(TokenTyp typ) {
        return Optional.empty();
    }

    /**
     * This source minting its tokens for another resource ({@code aud}), e.g. a URL judged by
     * {@code --also-protect}; empty when it cannot (operator tokens are for the target only).
     */
    default Optional<TokenSource> withAudience(String audience) {
        return Optional.empty();
    }

    /** This source after the issuer rotated to {@code key}: tokens then name it in {@code kid}. */
    default TokenSource withIssuerKey(RSAKey key) {
        return this;
    }
}
