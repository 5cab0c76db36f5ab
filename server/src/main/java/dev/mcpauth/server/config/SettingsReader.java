package dev.mcpauth.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and cross-checks the {@code mcp.*} keys. Every problem is collected, then the server
 * refuses to start with all of them in one line ({@link SettingsRefusedException}).
 */
public final class SettingsReader {

    public static final String RESOURCE = "mcp.resource";
    public static final String ISSUER = "mcp.auth.issuer";
    public static final String JWKS_URI = "mcp.auth.jwks-uri";
    public static final String SCOPES_SUPPORTED = "mcp.auth.scopes-supported";
    public static final String TOKEN_TYPE = "mcp.auth.token-type";
    public static final String CLOCK_SKEW = "mcp.auth.clock-skew";
    public static final String JWKS_REFRESH_MIN_INTERVAL = "mcp.auth.jwks-refresh-min-interval";
    public static final String JWKS_CACHE_TTL = "mcp.auth.jwks-cache-ttl";
    public static final String VERIFIED_TOKEN_CACHE_TTL = "mcp.auth.verified-token-cache-ttl";
    public static final String ALLOWED_ORIGINS = "mcp.allowed-origins";
    public static final String RESOURCE_NAME = "mcp.resource-name";
    public static final String UPSTREAM_URL = "mcp.upstream-url";
    public static final String FIXTURES_ENABLED = "mcp.fixtures.enabled";

    static final String DEFAULT_RESOURCE = "http://127.0.0.1:8080/mcp";
    static final String DEFAULT_SCOPES = "mcp:read,mcp:write,mcp:admin";
    static final List<String> SCOPES_THE_TOOLS_NEED = List.of("mcp:read", "mcp:write", "mcp:admin");
    static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private final SettingsSource source;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(SettingsSource source) {
        this.source = source;
    }

    /** Reads the settings, or throws {@link SettingsRefusedException} listing every contradiction. */
    public static McpSettings read(SettingsSource source) {
        return new SettingsReader(source).read();
    }

    private McpSettings read() {
        URI resource = new ResourceUrlCheck(source, problems).check(source.value(RESOURCE).orElse(DEFAULT_RESOURCE));
        List<URI> issuers = issuers();
        URI issuer = issuers.get(0);
        Optional<URI> jwksUri = source.value(JWKS_URI).map(text -> authServerUrl(JWKS_URI, text));
        List<String> scopes = scopes();
        TokenTypeProfile tokenType = tokenType();
        Duration skew = seconds(CLOCK_SKEW, 60, MAX_CLOCK_SKEW_SECONDS);
        Set<String> origins = origins();
        Duration refresh = seconds(JWKS_REFRESH_MIN_INTERVAL, 10, 3600);
        Duration ttl = seconds(JWKS_CACHE_TTL, 300, 86_400);
        Duration verifiedTtl = seconds(VERIFIED_TOKEN_CACHE_TTL, 60, 3600);
        String name = source.value(RESOURCE_NAME).orElse("MCP auth reference server");
        Optional<URI> upstream = source.value(UPSTREAM_URL).map(text -> authServerUrl(UPSTREAM_URL, text));
        boolean fixtures = flag(FIXTURES_ENABLED);
        TlsCheck.check(source, problems);
        StoreSettingsReader.read(source, problems);
        ApiSettingsReader.read(source, problems);
        AuthModeSettingsReader.read(source, problems);
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        return new McpSettings(resource, issuer, jwksUri, scopes, tokenType, skew, origins, name, refresh, ttl, verifiedTtl,
                               upstream,
                               fixtures, issuers.subList(1, issuers.size()));
    }

    /** {@code mcp.auth.issuer}: one issuer, or several comma-separated (each with its own discovered keys). */
    private List<URI> issuers() {
        List<String> texts = source.value(ISSUER).stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .map(String::strip).filter(text -> !text.isEmpty()).toList();
        if (texts.size() <= 1) {
            return List.of(issuer());
        }
        if (source.value(JWKS_URI).isPresent()) {
            problems.add(JWKS_URI + " cannot be used with several issuers in " + ISSUER + " (each discovers its own)");
        }
        if (!source.value(AuthModeSettingsReader.MODE).orElse("jwt").strip().equals("jwt")) {
            problems.add(ISSUER + " lists several issuers, which needs " + AuthModeSettingsReader.MODE + "=jwt");
        }
        if (texts.size() != Set.copyOf(texts).size()) {
            problems.add(ISSUER + " lists an issuer twice");
        }
        return texts.stream().map(text -> authServerUrl(ISSUER, text)).toList();
    }

    private URI issuer() {
        Optional<String> text = source.value(ISSUER);
        if (text.isEmpty()) {
            problems.add(ISSUER + " is required (the authorization server's issuer identifier)");
            return URI.create("https://issuer.invalid");
        }
        return authServerUrl(ISSUER, text.get());
    }

    /** An https URL (http only on loopback) without query or fragment. */
    private URI authServerUrl(String key, String text) {
        Optional<URI> uri = UrlRules.absoluteHttpUrl(text);
        if (uri.isEmpty()) {
            problems.add(key + " must be an absolute http(s) URL, got " + text);
            return URI.create("https://invalid.invalid");
        }
        if (UrlRules.hasQueryOrFragment(uri.get())) {
            problems.add(key + " must not have a query or fragment");
        }
        if (!UrlRules.isSecureOrLoopback(uri.get())) {
            problems.add(key + " must use https:// (http:// is only allowed on loopback)");
        }
        return uri.get();
    }

    private List<String> scopes() {
        List<String> scopes = split(source.value(SCOPES_SUPPORTED).orElse(DEFAULT_SCOPES));
        scopes.stream().filter(s -> !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"))
                .forEach(s -> problems.add(SCOPES_SUPPORTED + " has an invalid scope token: " + s));
        SCOPES_THE_TOOLS_NEED.stream().filter(s -> !scopes.contains(s))
                .forEach(s -> problems.add(SCOPES_SUPPORTED + " must list " + s + ", which the built-in tools require"));
        if (scopes.contains("offline_access")) {
            problems.add(SCOPES_SUPPORTED + " must not list offline_access (a resource server never needs it)");
        }
        return scopes;
    }

    private TokenTypeProfile tokenType() {
        String text = source.value(TOKEN_TYPE).orElse("lenient");
        Optional<TokenTypeProfile> profile = TokenTypeProfile.parse(text);
        if (profile.isEmpty()) {
            problems.add(TOKEN_TYPE + " must be lenient or rfc9068, got " + text);
        }
        return profile.orElse(TokenTypeProfile.LENIENT);
    }

    private Duration seconds(String key, long defaultSeconds, long max) {
        String text = source.value(key).orElse(Long.toString(defaultSeconds));
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > max) {
                problems.add(key + " must be between 0 and " + max + " seconds, got " + text);
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number of seconds, got " + text);
            return Duration.ofSeconds(defaultSeconds);
        }
    }

    /** {@code true} or {@code false} (any case), default {@code false}; anything else is refused. */
    private boolean flag(String key) {
        String text = source.value(key).orElse("false").toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(key + " must be true or false, got " + text);
        }
        return text.equals("true");
    }

    private Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>(split(source.value(ALLOWED_ORIGINS).orElse("")));
        origins.stream().filter(o -> !UrlRules.isOrigin(o) || !o.equals(o.toLowerCase(Locale.ROOT)))
                .forEach(o -> problems.add(ALLOWED_ORIGINS + " entries must be lower-case scheme://host[:port], got " + o));
        return origins;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
