package dev.mcpauth.conformance.token;

import java.util.Objects;
import java.util.Optional;

/**
 * A token the suite could make, or why it could not (then every check that needs it is
 * reported as untestable, never as passed).
 *
 * @param token       the token, when it could be made
 * @param unavailable why not, when it could not
 */
public record Minted(Optional<String> token, String unavailable) {
    public Minted {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(unavailable, "unavailable");
    }

    public static Minted of(String token) {
        return new Minted(Optional.of(token), "");
    }

    public static Minted unavailable(String why) {
        return new Minted(Optional.empty(), why);
    }

    public boolean available() {
        return token.isPresent();
    }

    public String get() {
        return token.orElseThrow(() -> new IllegalStateException("no token: " + unavailable));
    }
}
