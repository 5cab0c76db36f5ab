package dev.mcpauth.server.auth;

/** The answer of {@link AccessTokenValidator}: a value, not an exception. */
public sealed interface TokenValidation {

    record Accepted(AccessToken token) implements TokenValidation {
    }

    record Rejected(TokenRejection reason) implements TokenValidation {
    }
}
