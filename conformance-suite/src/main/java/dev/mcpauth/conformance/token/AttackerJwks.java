package dev.mcpauth.conformance.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attacker's side of the key-confusion tests: an RSA key nobody trusts, and a loopback
 * URL publishing it (the {@code jku} target). It counts requests, so a check can tell whether
 * the server under test fetched keys from a URL named in a token (RFC 8725 §3.10 says it must
 * not). The server under test must reach 127.0.0.1 for the count to mean anything; a server
 * elsewhere simply never calls.
 */
public final class AttackerJwks implements AutoCloseable {
    private final RSAKey key;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger fetches = new AtomicInteger();

    private AttackerJwks(RSAKey key, HttpServer server, ExecutorService executor) {
        this.key = key;
        this.server = server;
        this.executor = executor;
    }

    public static AttackerJwks start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("attacker-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            AttackerJwks jwks = new AttackerJwks(key, server, executor);
            server.createContext("/", ex -> {
                try (ex) {
                    jwks.fetches.incrementAndGet();
                    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return jwks;
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the attacker JWKS listener on loopback", e);
        }
    }

    /** The attacker's key pair. */
    public RSAKey key() {
        return key;
    }

    /** Where the attacker's key set is published. */
    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** How many requests reached the attacker URL so far. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
