package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** RFC 8414 path insertion first, then OIDC appended (RS-07). */
class IssuerMetadataDiscoveryTest {

    @Test
    void candidatesWhenIssuerHasPathThenWellKnownIsInsertedBeforeThePath() {
        assertThat(candidates("https://id.example.test/realms/mcp"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server/realms/mcp"),
                URI.create("https://id.example.test/realms/mcp/.well-known/openid-configuration")));
    }

    @Test
    void candidatesWhenIssuerIsAnOriginThenNoPathIsAdded() {
        assertThat(candidates("https://id.example.test"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server"),
                URI.create("https://id.example.test/.well-known/openid-configuration")));
        assertThat(candidates("https://id.example.test/"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server"),
                URI.create("https://id.example.test/.well-known/openid-configuration")));
    }

    @Test
    void plainHttpJwksUriIsUsedOnlyOnATrueLoopbackHost() throws Exception {
        assertThat(discoveredFrom("http://127.0.0.1:1/jwks"), is(Optional.of(URI.create("http://127.0.0.1:1/jwks"))));
        assertThat(discoveredFrom("http://127.attacker.example/jwks"), is(Optional.empty()));
        assertThat(discoveredFrom("http://localhost.attacker.example/jwks"), is(Optional.empty()));
    }

    /** Runs discovery against a metadata server that names {@code jwksUri}; empty if it is refused. */
    private static Optional<URI> discoveredFrom(String jwksUri) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            return Optional.of(new IssuerMetadataDiscovery(new HttpJson(HttpClient.newHttpClient()), issuer).discoverJwksUri());
        } catch (IOException refused) {
            assertThat(refused.getMessage(), containsString("issuer or jwks_uri unusable"));
            return Optional.empty();
        } finally {
            server.stop(0);
        }
    }

    private static java.util.List<URI> candidates(String issuer) {
        return new IssuerMetadataDiscovery(new HttpJson(HttpClient.newHttpClient()), issuer).candidates();
    }
}
