package dev.mcpauth.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;

/**
 * The test issuer's RFC 7662 side: opaque tokens with the answers the test chose, an
 * introspection endpoint that requires the server's client credentials (client_secret_basic),
 * revocation, an outage switch and a call counter. Tokens are random, never literals.
 */
public final class OpaqueTokens {

    public static final String CLIENT_ID = "mcp-server";

    private final String clientSecret = random();
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;

    public String clientSecret() {
        return clientSecret;
    }

    /** A new opaque token whose introspection answer is {@code active: true} plus {@code claims}. */
    public String issue(Map<String, Object> claims) {
        String token = random();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.putAll(claims);
        answers.put(token, answer);
        return token;
    }

    /** A good token: this issuer, the audience, {@code sub}, {@code client_id}, exp in five minutes, the scope. */
    public String issue(String issuer, String audience, String scope) {
        return issue(Map.of("iss", issuer, "aud", List.of(audience), "sub", "user-1", "client_id", "client-1",
                            "scope", scope, "exp", Instant.now().plusSeconds(300).getEpochSecond()));
    }

    public void revoke(String token) {
        answers.remove(token);
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    public int calls() {
        return calls.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (down) {
            respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
            return;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("token");
        Map<String, Object> answer = token == null ? null : answers.get(token);
        respond(exchange, 200, answer == null ? "{\"active\":false}" : JSONObjectUtils.toJSONString(answer));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                           URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
