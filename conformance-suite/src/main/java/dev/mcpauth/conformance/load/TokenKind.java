package dev.mcpauth.conformance.load;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of credentials the load command sends, named as in {@code --mix}. Only {@link #GOOD}
 * must be accepted; every other kind must be refused.
 */
public enum TokenKind {
    GOOD("good", "a valid token for the target with the scope the tool needs"),
    EXPIRED("expired", "signed by the trusted issuer, exp 10 minutes in the past"),
    WRONG_AUD("wrong-aud", "signed by the trusted issuer for another resource (aud https://other.test/mcp)"),
    BAD_SIG("bad-sig", "a good token with one bit of its signature flipped"),
    NO_TOKEN("no-token", "no Authorization header at all");

    private final String key;
    private final String description;

    TokenKind(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name used in {@code --mix} and in the reports. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** True only for {@link #GOOD}: a correct server answers it 2xx and refuses every other kind. */
    public boolean mustBeAccepted() {
        return this == GOOD;
    }

    public static Optional<TokenKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
