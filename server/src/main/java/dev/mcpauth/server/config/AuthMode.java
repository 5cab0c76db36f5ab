package dev.mcpauth.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How access tokens are validated ({@code mcp.auth.mode}): locally as JWTs, by RFC 7662
 * introspection at the authorization server (opaque tokens, RS-60), or both (a token shaped like
 * a JWS is verified locally, anything else is introspected).
 */
public enum AuthMode {
    JWT, INTROSPECTION, BOTH;

    public static Optional<AuthMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.name().toLowerCase(Locale.ROOT).equals(text)).findFirst();
    }

    /** Whether this mode needs the introspection endpoint and the server's client credentials. */
    public boolean introspects() {
        return this != JWT;
    }
}
