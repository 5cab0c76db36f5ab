package dev.mcpauth.conformance.http;

import java.util.Objects;

/**
 * One {@code auth-param} of a challenge (RFC 9110 §11.2), after unescaping.
 *
 * @param name   parameter name as sent (compare case-insensitively)
 * @param value  the value; for a quoted-string, the content with quoted-pairs resolved
 * @param quoted whether the value was sent as a quoted-string rather than a token
 */
public record AuthParam(String name, String value, boolean quoted) {
    public AuthParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
