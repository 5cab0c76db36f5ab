package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test issuer's opaque tokens and RFC 7662 introspection (RS-60):
 * <ul>
 * <li>{@code POST /mint-opaque} (suite-private, like {@code /mint}): body {@code {"claims":{...}}};
 *     answers {@code {"token":"..."}}, a random token whose introspection answer is
 *     {@code active: true} plus exactly those claims (broken ones included);</li>
 * <li>{@code POST /introspect}: RFC 7662 §2.1, {@code token=...}; client authentication by
 *     {@code client_secret_basic} or {@code client_secret_post} is required (401
 *     {@code invalid_client} without), any id and secret accepted, as at {@code /token}. An
 *     unknown token is {@code {"active":false}}; a revoked one is {@code active: false} <em>with</em>
 *     its claims still listed, so a server that reads the claims but ignores {@code active} is caught;</li>
 * <li>{@code POST /admin/revoke} {@code {"token":"..."}}; {@code POST /admin/introspection-outage}
 *     {@code {"outage":true|false}}: the endpoint answers 503 while on.</li>
 * </ul>
 */
final class OpaqueTokenDesk {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
    private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
    private final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();

    /** Handles the path if it is one of this desk's; false otherwise. */
    boolean handle(HttpExchange ex, String path, String method) throws IOException {
        switch (path) {
            case "/mint-opaque" -> mint(ex, method);
            case "/introspect" -> introspect(ex, method);
            case "/admin/revoke" -> revoke(ex, method);
            case "/admin/introspection-outage" -> outage(ex, method);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Introspection requests received so far (all, authenticated or not). */
    int calls() {
        return calls.get();
    }

    void outage(boolean on) {
        outage.set(on);
    }

    private void mint(HttpExchange ex, String method) throws IOException {
        Map<String, Object> body = jsonBody(ex, method);
        if (body == null) {
            return;
        }
        Object requested = body.get("claims");
        if (!(requested instanceof Map<?, ?> map)) {
            error(ex, 400, "invalid_request", "body must be {\"claims\":{...}}");
            return;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "opq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        claims.put(token, copy);
        ServerExchanges.json(ex, 200, Json.createObjectBuilder().add("token", token).build().toString());
    }

    private void introspect(HttpExchange ex, String method) throws IOException {
        calls.incrementAndGet();
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        if (outage.get()) {
            error(ex, 503, "temporarily_unavailable", "simulated introspection outage");
            return;
        }
        Map<String, String> form = ServerExchanges.form(ServerExchanges.body(ex));
        if (!clientAuthenticated(ex, form)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test-issuer\"");
            error(ex, 401, "invalid_client", "client authentication (basic or post) is required (RFC 7662 §2.1)");
            return;
        }
        String token = form.getOrDefault("token", "");
        Map<String, Object> known = claims.get(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", known != null && !revoked.containsKey(token));
        if (known != null) {
            answer.putAll(known);
        }
        ServerExchanges.json(ex, 200, JSONObjectUtils.toJSONString(answer));
    }

    private void revoke(HttpExchange ex, String method) throws IOException {
        Map<String, Object> body = jsonBody(ex, method);
        if (body != null && body.get("token") instanceof String token) {
            revoked.put(token, true);
            ServerExchanges.json(ex, 200, "{\"revoked\":true}");
        } else if (body != null) {
            error(ex, 400, "invalid_request", "body must be {\"token\":\"...\"}");
        }
    }

    private void outage(HttpExchange ex, String method) throws IOException {
        Map<String, Object> body = jsonBody(ex, method);
        if (body != null) {
            boolean on = !Boolean.FALSE.equals(body.get("outage"));
            outage.set(on);
            ServerExchanges.json(ex, 200, Json.createObjectBuilder().add("outage", on).build().toString());
        }
    }

    /** The JSON body of a POST, or null after answering the error. */
    private static Map<String, Object> jsonBody(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return null;
        }
        try {
            String body = ServerExchanges.body(ex);
            return body.isBlank() ? Map.of() : JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            error(ex, 400, "invalid_request", "body is not a JSON object");
            return null;
        }
    }

    private static boolean clientAuthenticated(HttpExchange ex, Map<String, String> form) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 && !URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8).isBlank();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String id = form.get("client_id");
        return id != null && !id.isBlank() && form.containsKey("client_secret");
    }

    private static void error(HttpExchange ex, int status, String code, String description) throws IOException {
        ServerExchanges.json(ex, status, Json.createObjectBuilder()
                .add("error", code).add("error_description", description).build().toString());
    }
}
