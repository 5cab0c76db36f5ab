package dev.mcpauth.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code mcp.auth.mode} and what introspection needs. In {@code introspection} and
 * {@code both} the server's client id and secret are required; the endpoint must be https (http
 * only on loopback), because the token and the secret travel to it.
 */
public final class AuthModeSettingsReader {

    public static final String MODE = "mcp.auth.mode";
    public static final String INTROSPECTION_ENDPOINT = "mcp.auth.introspection-endpoint";
    public static final String CLIENT_ID = "mcp.auth.client-id";
    public static final String CLIENT_SECRET = "mcp.auth.client-secret";
    public static final String INTROSPECTION_CACHE_TTL = "mcp.auth.introspection-cache-ttl";
    public static final String INTROSPECTION_RETRY_INTERVAL = "mcp.auth.introspection-retry-interval-ms";
    public static final String SCOPE_CLAIM = "mcp.auth.scope-claim";

    private AuthModeSettingsReader() {
    }

    public static AuthModeSettings read(SettingsSource source) {
        List<String> problems = new ArrayList<>();
        AuthModeSettings settings = read(source, problems);
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        return settings;
    }

    static AuthModeSettings read(SettingsSource source, List<String> problems) {
        String modeText = source.value(MODE).orElse("jwt");
        AuthMode mode = AuthMode.parse(modeText).orElseGet(() -> {
            problems.add(MODE + " must be jwt, introspection or both, got " + modeText);
            return AuthMode.JWT;
        });
        Optional<URI> endpoint = source.value(INTROSPECTION_ENDPOINT).flatMap(text -> endpoint(text, problems));
        String clientId = source.value(CLIENT_ID).orElse("");
        String secret = source.value(CLIENT_SECRET).orElse("");
        if (mode.introspects() && (clientId.isEmpty() || secret.isEmpty())) {
            problems.add(MODE + "=" + modeText + " needs " + CLIENT_ID + " and " + CLIENT_SECRET
                    + " (the server authenticates to the introspection endpoint)");
        }
        if (clientId.contains(":")) {
            problems.add(CLIENT_ID + " must not contain ':' (client_secret_basic)");
        }
        Duration ttl = Duration.ofSeconds(number(source, INTROSPECTION_CACHE_TTL, 60, 3600, problems));
        Duration retry = Duration.ofMillis(number(source, INTROSPECTION_RETRY_INTERVAL, 1000, 60_000, problems));
        Optional<String> scopeClaim = source.value(SCOPE_CLAIM);
        scopeClaim.filter(name -> !name.matches("[A-Za-z0-9_:.\\-]+"))
                .ifPresent(name -> problems.add(SCOPE_CLAIM + " must be a claim name, got " + name));
        return new AuthModeSettings(mode, endpoint, clientId, secret, ttl, retry, scopeClaim);
    }

    private static Optional<URI> endpoint(String text, List<String> problems) {
        Optional<URI> uri = UrlRules.absoluteHttpUrl(text);
        if (uri.isEmpty()) {
            problems.add(INTROSPECTION_ENDPOINT + " must be an absolute http(s) URL, got " + text);
        } else if (!UrlRules.isSecureOrLoopback(uri.get())) {
            problems.add(INTROSPECTION_ENDPOINT + " must use https:// (http:// is only allowed on loopback)");
        }
        return uri;
    }

    private static long number(SettingsSource source, String key, long defaultValue, long max, List<String> problems) {
        String text = source.value(key).orElse(Long.toString(defaultValue));
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > max) {
                problems.add(key + " must be between 0 and " + max + ", got " + text);
            }
            return Math.max(0, Math.min(value, max));
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number, got " + text);
            return defaultValue;
        }
    }
}
