package dev.mcpauth.conformance.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The access tokens the suite's issuer hands out ({@code --token-format}): signed JWTs the target
 * verifies itself, or opaque tokens the target must introspect at the issuer (RFC 7662, RS-60).
 */
public enum TokenFormat {
    JWT, OPAQUE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenFormat> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.label().equals(text)).findFirst();
    }
}
