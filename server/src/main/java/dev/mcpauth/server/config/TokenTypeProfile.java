package dev.mcpauth.server.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Which JWT {@code typ} header values are accepted (RS-48).
 * {@code lenient} accepts no {@code typ}, {@code JWT} and {@code at+jwt}, because Keycloak and many
 * other servers send {@code JWT}; {@code rfc9068} demands {@code at+jwt} (RFC 9068 §2.1, §4).
 */
public enum TokenTypeProfile {
    LENIENT,
    RFC9068;

    static Optional<TokenTypeProfile> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lenient" -> Optional.of(LENIENT);
            case "rfc9068" -> Optional.of(RFC9068);
            default -> Optional.empty();
        };
    }
}
