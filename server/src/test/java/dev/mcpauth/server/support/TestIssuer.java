package dev.mcpauth.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test-owned authorization server on loopback: keys generated at start, a JWKS endpoint that
 * can rotate or go down, RFC 8414 metadata for discovery, a {@link TokenMinter} for tokens and
 * {@link OpaqueTokens} for introspection.
 * No token or key is ever a literal in the tests.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/test";

    private final HttpServer server;
    private final RSAKey rsaKey;
    private final ECKey ecKey;
    private final AtomicReference<List<JWK>> published = new AtomicReference<>();
    private final AtomicReference<String> metadataIssuer = new AtomicReference<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final OpaqueTokens opaque = new OpaqueTokens();
    private volatile boolean jwksDown;

    private TestIssuer(HttpServer server) throws JOSEException {
        this.server = server;
        this.rsaKey = rsaKey("k1");
        this.ecKey = new ECKeyGenerator(Curve.P_256).keyID("e1").algorithm(JWSAlgorithm.ES256)
                .keyUse(KeyUse.SIGNATURE).generate();
        published.set(List.of(rsaKey, ecKey));
        metadataIssuer.set(issuer());
    }

    public static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIssuer issuer = new TestIssuer(server);
            server.createContext("/", issuer::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return issuer;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start test issuer", e);
        }
    }

    public static RSAKey rsaKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String jwksUri() {
        return issuer() + "/jwks";
    }

    public RSAKey rsaKey() {
        return rsaKey;
    }

    public ECKey ecKey() {
        return ecKey;
    }

    public String introspectionEndpoint() {
        return issuer() + "/introspect";
    }

    /** Opaque tokens and the RFC 7662 endpoint of this issuer. */
    public OpaqueTokens opaque() {
        return opaque;
    }

    public TokenMinter minter(String audience) {
        return new TokenMinter(issuer(), audience, rsaKey);
    }

    /** Publish exactly these keys (public parts) from now on. */
    public void publish(JWK... keys) {
        published.set(List.of(keys));
    }

    /** Make the JWKS endpoint answer 503 (true) or serve again (false). */
    public void jwksDown(boolean down) {
        this.jwksDown = down;
    }

    /** The {@code issuer} the metadata documents claim; a mismatch must be refused by discovery. */
    public void metadataIssuer(String issuer) {
        metadataIssuer.set(issuer);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(REALM_PATH + "/jwks")) {
            jwksFetches.incrementAndGet();
            if (jwksDown) {
                respond(exchange, 503, "{}");
            } else {
                respond(exchange, 200, jwksWithAnEncryptionKey());
            }
        } else if (path.equals(REALM_PATH + "/introspect")) {
            opaque.handle(exchange);
        } else if (path.equals("/.well-known/oauth-authorization-server" + REALM_PATH)) {
            respond(exchange, 200, "{\"issuer\":\"" + metadataIssuer.get() + "\",\"jwks_uri\":\"" + jwksUri()
                    + "\",\"introspection_endpoint\":\"" + introspectionEndpoint() + "\"}");
        } else {
            respond(exchange, 404, "{}");
        }
    }

    /** Keycloak also publishes an RSA-OAEP encryption key; it must be skipped, not fail the set. */
    private String jwksWithAnEncryptionKey() {
        String keys = new JWKSet(published.get()).toPublicJWKSet().toString(true);
        String encryptionKey = "{\"kty\":\"RSA\",\"use\":\"enc\",\"alg\":\"RSA-OAEP\",\"kid\":\"enc1\",\"n\":\""
                + rsaKey.getModulus() + "\",\"e\":\"AQAB\"}";
        String unknownType = "{\"kty\":\"OKP-unknown\",\"kid\":\"weird\"}";
        return keys.replaceFirst("\\[", "[" + encryptionKey + "," + unknownType + (published.get().isEmpty() ? "" : ","));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
