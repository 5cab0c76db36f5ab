package dev.mcpauth.conformance.greybox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The mock upstream API of the token-passthrough check (RS-58): a loopback HTTP server that
 * answers every request with a small JSON document and remembers what it received, so the
 * suite can look for the client's token in any header, the query or the body.
 */
public final class UpstreamMock implements AutoCloseable {
    static final String BODY = "{\"upstream\":\"mcp-auth-conformance mock\",\"ok\":true}";

    /**
     * One request the mock received.
     *
     * @param method  request method
     * @param uri     path and query as received
     * @param headers header lines (name, value)
     * @param body    request body
     */
    public record Received(String method, String uri, List<Map.Entry<String, String>> headers, String body) {
        public Received {
            headers = List.copyOf(headers);
        }

        /** Every piece of text a token could hide in: the request line, header values, the body. */
        public List<String> texts() {
            List<String> out = new ArrayList<>();
            out.add(uri);
            headers.forEach(h -> out.add(h.getKey() + ": " + h.getValue()));
            out.add(body);
            return out;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private UpstreamMock(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1:{@code port}. */
    public static UpstreamMock start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        UpstreamMock mock = new UpstreamMock(server, executor);
        server.createContext("/", mock::handle);
        server.start();
        return mock;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** What it received so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            ex.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), headers, body));
            byte[] out = BODY.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
