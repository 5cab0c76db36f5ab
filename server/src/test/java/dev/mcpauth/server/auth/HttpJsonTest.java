package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch of AS metadata and keys is bounded in time and size as a whole, body included: a
 * JWKS endpoint that sends its headers and then trickles the body must not hold the key
 * source's lock (and every request waiting for it) for as long as it likes.
 */
class HttpJsonTest {

    private final HttpServer server = start();
    private final HttpJson http = new HttpJson(HttpClient.newHttpClient());

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBodyTrickledSlowerThanTheTimeoutIsAnIoExceptionInTime() {
        long started = System.nanoTime();
        IOException refused = assertThrows(IOException.class, () -> http.getObject(uri("/trickle")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took.toSeconds(), lessThan(HttpJson.REQUEST_TIMEOUT.toSeconds() + 3));
        assertThat(refused.getMessage(), containsString("/trickle"));
    }

    @Test
    void aBodyOverTheCapIsAnIoException() {
        IOException refused = assertThrows(IOException.class, () -> http.getObject(uri("/huge")));
        assertThat(refused.getMessage(), containsString("more than " + HttpJson.MAX_BYTES + " bytes"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/trickle", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 30; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(1000);
                    }
                    out.write("{}".getBytes());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the client hung up after its timeout: that is what the test expects
                    exchange.close();
                }
            });
            server.createContext("/huge", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // the client hung up once it had enough: that is what the test expects
                    exchange.close();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
