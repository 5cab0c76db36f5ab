package dev.mcpauth.conformance.fuzz;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Builds request number {@code index} of a run from the seed alone: a valid call (a good token
 * and session when the run has them, else a random token), then a few mutations of one family.
 */
final class RequestFactory {
    private static final FuzzFamily[] FAMILIES = FuzzFamily.values();
    private static final List<String> SCHEMES = List.of("Bearer ", "bearer ", "BEARER ", "Bearer   ", "Bearer\t", "Basic ",
            "Bearer", "", "Bearer ,", "Token ", "Bearer  Bearer ", "DPoP ");
    private static final List<String> TYPES = List.of("application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonx", "application/json; charset=latin1", "*/*", ";", "application/");
    private static final List<String> ACCEPTS = List.of("application/json, text/event-stream", "application/json",
            "text/event-stream", "*/*", "text/html", "application/json;q=0");
    private static final List<String> ORIGINS = List.of("null", "http://evil.example", "http://127.0.0.1:1", "https://",
            "http://localhost", "file://", "http://[::1]", "*");
    private static final List<String> VERSIONS = List.of("2025-06-18", "2025-11-25", "2026-07-28", "2024-11-05",
            "1999-01-01", "", "2025-06-18, 2025-11-25", "latest");
    private static final List<String> VERBS = List.of("GET", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "TRACE", "FUZZ");

    private final URI target;
    private final long seed;
    private final Supplier<Optional<String>> goodToken;
    private final Optional<String> sessionId;
    private final String version;

    RequestFactory(URI target, long seed, Supplier<Optional<String>> goodToken, Optional<String> sessionId, String version) {
        this.target = target;
        this.seed = seed;
        this.goodToken = goodToken;
        this.sessionId = sessionId;
        this.version = version;
    }

    FuzzRequest build(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        FuzzFamily family = FAMILIES[index % FAMILIES.length];
        List<String> secrets = new ArrayList<>();
        String token = goodToken.get().filter(t -> r.nextInt(4) != 0).orElseGet(() -> Junk.token(r));
        secrets.add(token);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(entry("Authorization", "Bearer " + token));
        headers.add(entry("Content-Type", "application/json"));
        headers.add(entry("Accept", "application/json, text/event-stream"));
        headers.add(entry("MCP-Protocol-Version", version));
        sessionId.ifPresent(id -> headers.add(entry("Mcp-Session-Id", id)));
        String method = "POST";
        String path = Optional.ofNullable(target.getRawPath()).filter(p -> !p.isEmpty()).orElse("/");
        String baseline = BodyMutations.valid(Junk.pick(r, List.of("tools/call", "tools/list", "ping")),
                "{\"name\":\"whoami\",\"arguments\":{}}");
        byte[] body = baseline.getBytes(StandardCharsets.UTF_8);
        switch (family) {
            case AUTHORIZATION -> {
                String other = r.nextInt(3) == 0 ? Junk.oddToken(r) : Junk.token(r);
                secrets.add(other);
                set(headers, "Authorization", Junk.pick(r, SCHEMES) + (r.nextInt(8) == 0 ? "" : other));
                if (r.nextInt(3) == 0) {
                    headers.add(entry(r.nextBoolean() ? "Authorization" : "authorization", "Bearer " + token));
                }
                if (r.nextInt(6) == 0) {
                    remove(headers, "Authorization");
                }
            }
            case QUERY_AND_FORM_TOKEN -> {
                String other = Junk.token(r);
                secrets.add(other);
                if (r.nextBoolean()) {
                    path += (r.nextBoolean() ? "?access_token=" : "?a=1&access_token=") + URLEncoder.encode(other, StandardCharsets.UTF_8);
                } else {
                    set(headers, "Content-Type", "application/x-www-form-urlencoded");
                    body = (Junk.pick(r, List.of("access_token=", "a=%zz&access_token=", "access%5Ftoken=", "%=&access_token="))
                            + other).getBytes(StandardCharsets.UTF_8);
                }
                if (r.nextBoolean()) {
                    remove(headers, "Authorization");
                }
            }
            case ORIGIN -> repeat(r, () -> headers.add(entry("Origin", r.nextBoolean() ? Junk.pick(r, ORIGINS) : Junk.value(r))));
            case PROTOCOL_VERSION -> replaceOrAdd(r, headers, "MCP-Protocol-Version",
                    () -> r.nextBoolean() ? Junk.pick(r, VERSIONS) : Junk.value(r));
            case SESSION_ID -> replaceOrAdd(r, headers, "Mcp-Session-Id", () -> Junk.value(r));
            case CONTENT_TYPE -> {
                replaceOrAdd(r, headers, "Content-Type", () -> r.nextBoolean() ? Junk.pick(r, TYPES) : Junk.value(r));
                replaceOrAdd(r, headers, "Accept", () -> r.nextBoolean() ? Junk.pick(r, ACCEPTS) : Junk.value(r));
            }
            case MCP_HEADERS -> {
                headers.add(entry("Mcp-Method", r.nextBoolean() ? Junk.pick(r, BodyMutations.METHODS) : Junk.value(r)));
                headers.add(entry("Mcp-Name", Junk.pick(r, List.of("whoami", "=?base64?d2hvYW1p?=", "=?base64?!!?=",
                        "=?base64??=", Junk.value(r)))));
            }
            case JSON_BODY -> body = BodyMutations.mutate(r, baseline);
            case HTTP_METHOD -> {
                method = Junk.pick(r, VERBS);
                set(headers, "Accept", "application/json");
                if (method.equals("DELETE")) {
                    // ending the run's own session would turn every later request into a 404
                    set(headers, "Mcp-Session-Id", Junk.value(r));
                }
                if (!method.equals("PUT") && !method.equals("PATCH")) {
                    body = new byte[0];
                }
            }
        }
        return new FuzzRequest(index, family, method, path, headers.stream().map(h -> entry(h.getKey(),
                Junk.sendable(h.getValue()))).toList(), body, secrets);
    }

    private static void repeat(Random r, Runnable action) {
        int times = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0);
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    /** Replaces the header, removes it, or adds a second line. */
    private static void replaceOrAdd(Random r, List<Map.Entry<String, String>> headers, String name, Supplier<String> value) {
        switch (r.nextInt(4)) {
            case 0 -> remove(headers, name);
            case 1 -> headers.add(entry(name, value.get()));
            default -> set(headers, name, value.get());
        }
    }

    private static void set(List<Map.Entry<String, String>> headers, String name, String value) {
        remove(headers, name);
        headers.add(entry(name, value));
    }

    private static void remove(List<Map.Entry<String, String>> headers, String name) {
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new SimpleEntry<>(name, value);
    }
}
