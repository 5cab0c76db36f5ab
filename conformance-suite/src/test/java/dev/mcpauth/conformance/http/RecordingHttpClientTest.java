package dev.mcpauth.conformance.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingHttpClientTest {
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Redactor redactor = new Redactor();
    private RecordingHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", ex -> {
            try (ex) {
                String auth = String.valueOf(ex.getRequestHeaders().get("Authorization"));
                byte[] body = ("{\"seen\":\"" + auth.replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"a\"");
                ex.getResponseHeaders().add("WWW-Authenticate", "DPoP algs=\"ES256\"");
                ex.sendResponseHeaders(401, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.createContext("/sse", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(": ping\n\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"ok\":true}}\n\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitRelease();
            ex.close();
        });
        server.start();
        client = new RecordingHttpClient(Duration.ofSeconds(5), redactor);
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sendsRepeatedHeaderLinesAndRedactsBothSides() {
        String token = "secret-token-value-123";
        redactor.register(token);
        Response r = client.send(Request.get(url("/echo?access_token=" + token)).bearer(token).bearer("other-token-456"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains(token).contains("other-token-456");
        assertThat(r.headers("www-authenticate")).containsExactly("Bearer realm=\"a\"", "DPoP algs=\"ES256\"");
        assertThat(r.challenges().bearerFirst()).isTrue();
        assertThat(r.exchange().url()).doesNotContain(token).contains(Redactor.marker(token));
        assertThat(r.exchange().requestHeaders()).containsExactly(
                Map.entry("Authorization", "Bearer " + Redactor.marker(token)),
                Map.entry("Authorization", "Bearer other-token-456"));
        assertThat(r.exchange().responseBody()).doesNotContain(token);
    }

    @Test
    void readsAnEventStreamOnlyUntilTheFirstResponse() {
        long start = System.nanoTime();
        Response r = client.send(Request.get(url("/sse")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.transportError()).isEmpty();
        assertThat(McpClient.message(r)).get().satisfies(m -> assertThat(m.getJsonObject("result").getBoolean("ok")).isTrue());
    }

    @Test
    void aRefusedConnectionIsAResponseWithoutStatusNotAnException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Response r = client.send(Request.get(URI.create("http://127.0.0.1:" + port + "/mcp")));
        assertThat(r.received()).isFalse();
        assertThat(r.status()).isZero();
        assertThat(r.transportError()).isPresent();
        assertThat(r.summary()).startsWith("no response");
    }

    @Test
    void aHeaderTheJdkRefusesIsReportedNotThrown() {
        Response r = client.send(Request.get(url("/echo")).header("Authorization", "Bearer a\r\nX-Injected: 1"));
        assertThat(r.received()).isFalse();
        assertThat(r.transportError()).get().asString().contains("refused to build");
    }

    @Test
    void sseParserKeepsOnlyCompleteEvents() {
        String stream = "data: {\"a\":1}\n\ndata: partial\ndata: more\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{}}\n\ndata: {\"x\"";
        assertThat(SseMessages.completeEventData(stream)).containsExactly("{\"a\":1}", "partial\nmore",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{}}");
        assertThat(SseMessages.firstResponse(stream)).get().satisfies(m -> assertThat(m.getInt("id")).isEqualTo(2));
        assertThat(SseMessages.hasResponse("data: {\"id\":1,\"result\":{}}")).isFalse();
        assertThat(List.of(SseMessages.completeEventData("data:x\r\n\r\n"))).containsExactly(List.of("x"));
    }
}
