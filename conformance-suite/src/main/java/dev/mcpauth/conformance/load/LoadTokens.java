package dev.mcpauth.conformance.load;

import java.util.Optional;

/**
 * Where the load command gets its credentials: the only thing it needs from the suite's token
 * machinery, kept this narrow so a change there touches one adapter ({@link IssuerLoadTokens}).
 */
public interface LoadTokens extends AutoCloseable {
    /**
     * A fresh token of this kind, or empty for {@link TokenKind#NO_TOKEN}.
     *
     * @throws LoadSetupException when the issuer cannot make it
     */
    Optional<String> mint(TokenKind kind) throws LoadSetupException;

    @Override
    void close();
}
