package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The suite-owned authorization server: what a server under test is told to trust, so the
 * suite can mint good tokens and every broken variant of them.
 *
 * <p>Endpoints (issuer URL {@code http://<host>:<port>}, no path):
 * <ul>
 * <li>{@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata;
 *     {@code GET /.well-known/openid-configuration}: the same, with the OIDC discovery fields;</li>
 * <li>{@code GET /jwks}: the public keys, current first;</li>
 * <li>{@code POST /token}: {@code grant_type=client_credentials} with {@code scope} and
 *     {@code resource} (RFC 8707; becomes {@code aud}, and is required). Client authentication
 *     by {@code client_secret_basic} or {@code client_secret_post}; <b>any</b> client id and
 *     secret are accepted, because {@code /mint} below already lets any local caller sign
 *     anything: a secret would protect nothing;</li>
 * <li>{@code POST /mint}: suite-private. Body {@code {"header":{...},"payload":"<text>"}};
 *     signs the payload text under that JOSE header with the current key (the header's
 *     {@code alg} must be an RSA signature algorithm) and answers {@code {"token":"..."}}.
 *     This is how the runner makes mutated but validly signed tokens, in-process or not;</li>
 * <li>opaque tokens and {@code POST /introspect} (RFC 7662): see {@link OpaqueTokenDesk};</li>
 * <li>{@code POST /admin/rotate}: a new current key (old ones stay in the JWKS), answered with
 *     its {@code kid} and public {@code jwk} (readable during an outage);
 *     {@code POST /admin/jwks-outage} with {@code {"outage":true|false}}: the JWKS answers 503
 *     while on; {@code POST /admin/jwks-fault}: outage, slow or garbage JWKS answers ({@link JwksFault}).</li>
 * </ul>
 *
 * <p>Because it signs whatever it is asked to, it binds loopback addresses only.
 */
public final class TestIssuer implements AutoCloseable {
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final IssuerKeys keys;
    private final URI issuer;
    private final Clock clock;
    private final AtomicBoolean jwksOutage = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<JwksFault> jwksFault =
            new java.util.concurrent.atomic.AtomicReference<>(JwksFault.NONE);
    private volatile long jwksDelayMs = JwksFault.DEFAULT_DELAY_MS;
    private final OpaqueTokenDesk opaque = new OpaqueTokenDesk();

    private TestIssuer(HttpServer server, ExecutorService executor, IssuerKeys keys, URI issuer, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * Starts the issuer.
     *
     * @param host     a loopback host name or address ({@code 127.0.0.1}, {@code localhost}, {@code ::1})
     * @param port     the port; 0 picks a free one
     * @param keysFile where the signing keys live (created when missing); empty keeps them in memory
     * @throws IllegalArgumentException when the host is not a loopback address
     * @throws IOException              when the port cannot be bound or the keys file cannot be used
     */
    public static TestIssuer start(String host, int port, Optional<Path> keysFile) throws IOException {
        return start(host, port, keysFile, Clock.systemUTC());
    }

    public static TestIssuer start(String host, int port, Optional<Path> keysFile, Clock clock) throws IOException {
        Objects.requireNonNull(host, "host");
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the test issuer signs any token it is asked for, so it binds "
                    + "loopback addresses only; " + host + " is not one");
        }
        IssuerKeys keys = IssuerKeys.open(keysFile);
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        URI issuerUrl = URI.create("http://" + hostPart + ":" + server.getAddress().getPort());
        TestIssuer issuer = new TestIssuer(server, executor, keys, issuerUrl, clock);
        server.createContext("/", issuer::handle);
        server.start();
        return issuer;
    }

    /** The issuer identifier, {@code http://<host>:<port>} (no trailing slash, no path). */
    public URI issuerUrl() {
        return issuer;
    }

    public URI jwksUrl() {
        return URI.create(issuer + "/jwks");
    }

    public URI tokenUrl() {
        return URI.create(issuer + "/token");
    }

    public URI mintUrl() {
        return URI.create(issuer + "/mint");
    }

    /** The current signing key, public part only. */
    public RSAKey currentPublicKey() {
        return keys.current().toPublicJWK();
    }

    /** Makes a new key current (see {@code POST /admin/rotate}). */
    public RSAKey rotate() throws IOException {
        return keys.rotate().toPublicJWK();
    }

    /** Turns the simulated JWKS outage on or off (see {@code POST /admin/jwks-outage}). */
    public void jwksOutage(boolean on) {
        jwksOutage.set(on);
    }

    /** Turns the simulated introspection outage on or off (see {@link OpaqueTokenDesk}). */
    public void introspectionOutage(boolean on) {
        opaque.outage(on);
    }

    /** Introspection requests received so far. */
    public int introspectionCalls() {
        return opaque.calls();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (opaque.handle(ex, path, method)) {
                return;
            }
            switch (path) {
                case "/.well-known/oauth-authorization-server" -> onlyGet(ex, method, () -> metadata(false).toString());
                case "/.well-known/openid-configuration" -> onlyGet(ex, method, () -> metadata(true).toString());
                case "/jwks" -> jwks(ex, method);
                case "/token" -> token(ex, method);
                case "/mint" -> mint(ex, method);
                case "/admin/rotate" -> rotate(ex, method);
                case "/admin/jwks-outage" -> outage(ex, method);
                case "/admin/jwks-fault" -> fault(ex, method);
                default -> error(ex, 404, "not_found", "no such endpoint: " + path);
            }
        } catch (RuntimeException e) {
            error(ex, 500, "server_error", e.getClass().getSimpleName());
        }
    }

    private interface Body {
        String get() throws IOException;
    }

    private void onlyGet(HttpExchange ex, String method, Body body) throws IOException {
        if (!method.equals("GET")) {
            error(ex, 405, "invalid_request", "use GET");
            return;
        }
        ServerExchanges.json(ex, 200, body.get());
    }

    JsonObject metadata(boolean oidc) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("issuer", issuer.toString())
                .add("token_endpoint", tokenUrl().toString())
                .add("jwks_uri", jwksUrl().toString())
                .add("introspection_endpoint", issuer + "/introspect")
                .add("introspection_endpoint_auth_methods_supported",
                        Json.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("grant_types_supported", Json.createArrayBuilder().add("client_credentials"))
                .add("response_types_supported", Json.createArrayBuilder())
                .add("token_endpoint_auth_methods_supported",
                        Json.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"));
        if (oidc) {
            b.add("subject_types_supported", Json.createArrayBuilder().add("public"))
                    .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"));
        }
        return b.build();
    }

    private void jwks(HttpExchange ex, String method) throws IOException {
        JwksFault fault = jwksFault.get();
        if (fault == JwksFault.SLOW) {
            try {
                Thread.sleep(jwksDelayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (fault == JwksFault.GARBAGE) {
            ServerExchanges.json(ex, 200, JwksFault.garbage());
            return;
        }
        if (jwksOutage.get() || fault == JwksFault.OUTAGE) {
            error(ex, 503, "temporarily_unavailable", "simulated JWKS outage");
            return;
        }
        onlyGet(ex, method, () -> keys.publicSet().toString());
    }

    private void token(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        Map<String, String> form = ServerExchanges.form(ServerExchanges.body(ex));
        Optional<String> clientId = clientId(ex, form);
        if (clientId.isEmpty()) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test-issuer\"");
            error(ex, 401, "invalid_client", "client authentication (basic or post) is required");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(ex, 400, "unsupported_grant_type", "only client_credentials is supported");
            return;
        }
        String resource = form.getOrDefault("resource", "");
        URI resourceUri;
        try {
            resourceUri = new URI(resource);
        } catch (java.net.URISyntaxException e) {
            error(ex, 400, "invalid_target", "resource is not a URI");
            return;
        }
        if (resource.isEmpty() || !resourceUri.isAbsolute() || resourceUri.getFragment() != null) {
            error(ex, 400, "invalid_target", "resource (RFC 8707) is required: an absolute URI without fragment");
            return;
        }
        String scope = form.getOrDefault("scope", "").trim();
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .subject(clientId.get())
                .audience(resource)
                .claim("client_id", clientId.get())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        if (!scope.isEmpty()) {
            claims.claim("scope", scope);
        }
        RSAKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            error(ex, 500, "server_error", "signing failed");
            return;
        }
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("access_token", jwt.serialize())
                .add("token_type", "Bearer")
                .add("expires_in", TOKEN_LIFETIME.toSeconds());
        if (!scope.isEmpty()) {
            out.add("scope", scope);
        }
        ServerExchanges.json(ex, 200, out.build().toString());
    }

    private static Optional<String> clientId(HttpExchange ex, Map<String, String> form) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        String id = form.get("client_id");
        return id == null || id.isBlank() || !form.containsKey("client_secret") ? Optional.empty() : Optional.of(id);
    }

    private void mint(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        try {
            Map<String, Object> request = JSONObjectUtils.parse(ServerExchanges.body(ex));
            Map<String, Object> headerJson = JSONObjectUtils.getJSONObject(request, "header");
            String payload = JSONObjectUtils.getString(request, "payload");
            if (headerJson == null || payload == null) {
                error(ex, 400, "invalid_request", "body must be {\"header\":{...},\"payload\":\"...\"}");
                return;
            }
            JWSHeader header = JWSHeader.parse(headerJson);
            if (!JWSAlgorithm.Family.RSA.contains(header.getAlgorithm())) {
                error(ex, 400, "invalid_request", "the issuer key is RSA; alg must be one of " + JWSAlgorithm.Family.RSA);
                return;
            }
            JWSObject jws = new JWSObject(header, new Payload(payload));
            jws.sign(new RSASSASigner(keys.current()));
            ServerExchanges.json(ex, 200, Json.createObjectBuilder().add("token", jws.serialize()).build().toString());
        } catch (ParseException e) {
            error(ex, 400, "invalid_request", "not a valid mint request: " + e.getMessage());
        } catch (JOSEException e) {
            error(ex, 400, "invalid_request", "signing failed: " + e.getMessage());
        }
    }

    private void rotate(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        RSAKey key = keys.rotate();
        ServerExchanges.json(ex, 200, "{\"kid\":" + Json.createValue(key.getKeyID()) + ",\"jwk\":"
                + key.toPublicJWK().toJSONString() + "}");
    }

    private void outage(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        String body = ServerExchanges.body(ex);
        boolean on = true;
        if (!body.isBlank()) {
            try {
                on = JSONObjectUtils.getBoolean(JSONObjectUtils.parse(body), "outage");
            } catch (ParseException e) {
                error(ex, 400, "invalid_request", "body must be {\"outage\":true|false}");
                return;
            }
        }
        jwksOutage.set(on);
        ServerExchanges.json(ex, 200, Json.createObjectBuilder().add("outage", on).build().toString());
    }

    /** {@code POST /admin/jwks-fault}: see {@link JwksFault}. */
    private void fault(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            error(ex, 405, "invalid_request", "use POST");
            return;
        }
        try {
            Map<String, Object> body = JSONObjectUtils.parse(ServerExchanges.body(ex));
            Optional<JwksFault> fault = JwksFault.parse(String.valueOf(body.get("fault")));
            if (fault.isEmpty()) {
                error(ex, 400, "invalid_request", "fault must be none, outage, slow or garbage");
                return;
            }
            if (body.get("delay_ms") instanceof Number delay) {
                jwksDelayMs = Math.max(0, Math.min(60_000, delay.longValue()));
            }
            jwksFault.set(fault.get());
            ServerExchanges.json(ex, 200, Json.createObjectBuilder().add("fault", fault.get().name().toLowerCase(java.util.Locale.ROOT))
                    .add("delay_ms", jwksDelayMs).build().toString());
        } catch (ParseException e) {
            error(ex, 400, "invalid_request", "body must be {\"fault\":\"none|outage|slow|garbage\",\"delay_ms\":N}");
        }
    }

    private static void error(HttpExchange ex, int status, String code, String description) throws IOException {
        ServerExchanges.json(ex, status, Json.createObjectBuilder()
                .add("error", code).add("error_description", description).build().toString());
    }
}
