package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** RFC 8414 path insertion first, then OIDC appended (RS-07); what a metadata document may put in the log. */
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

    @Test
    void anIssuerWithLineBreaksFromTheMetadataCannotForgeALogLine() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        String hostile = "https://evil.example\nINFO: forged decision=allow\r\nSEVERE: forged too";
        server.createContext("/", exchange -> {
            byte[] body = ("{\"issuer\":\"" + hostile.replace("\n", "\\n").replace("\r", "\\r")
                    + "\",\"jwks_uri\":\"http://127.0.0.1:1/jwks\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(IssuerMetadataDiscovery.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(new SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
                // nothing buffered
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        logger.addHandler(capture);
        try {
            IssuerMetadataDiscovery discovery = new IssuerMetadataDiscovery(new HttpJson(HttpClient.newHttpClient()), issuer);
            assertThrows(IOException.class, discovery::discoverJwksUri);
        } finally {
            logger.removeHandler(capture);
            server.stop(0);
        }
        assertThat("one warning per probed document", warnings, hasSize(2));
        for (String warning : warnings) {
            assertThat(warning, containsString("names issuer https://evil.example_INFO:_forged_decision_allow"));
            assertThat("the issuer's line breaks are gone", warning, not(anyOf(containsString("\n"), containsString("\r"))));
        }
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
