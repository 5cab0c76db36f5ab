package dev.mcpauth.conformance.options;

import java.util.Optional;

/**
 * The {@code typ} header of the tokens the suite's issuer mints as good tokens ({@code --token-typ}). RFC 9068 §2.1
 * says {@code at+jwt}; some resource servers accept only {@code JWT} (docs/rs-checklist.md, policy P-04).
 */
public enum TokenTyp {
    /** {@code typ: at+jwt}, RFC 9068 (the default) */
    AT_JWT("at+jwt"),
    /** {@code typ: JWT} */
    JWT("JWT"),
    /** no {@code typ} header */
    NONE("none");

    private final String label;

    TokenTyp(String label) {
        this.label = label;
    }

    /** What {@code --token-typ} takes: {@code at+jwt}, {@code JWT} or {@code none}. */
    public String label() {
        return label;
    }

    /** The header value; empty for {@link #NONE}. */
    public Optional<String> header() {
        return this == NONE ? Optional.empty() : Optional.of(label);
    }

    /** {@code at+jwt}, {@code JWT} or {@code none}, in any case. */
    public static Optional<TokenTyp> find(String value) {
        for (TokenTyp t : values()) {
            if (t.label.equalsIgnoreCase(value.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
