package dev.mcpauth.conformance.load;

import dev.mcpauth.conformance.spec.SpecVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import javax.net.ssl.SSLContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The MCP Streamable HTTP requests the load sends, on one JDK {@link HttpClient} (HTTP/1.1, no
 * redirects) whose connection pool the workers share: with N workers each waiting for its answer,
 * the pool holds N kept-alive connections. Never throws for network trouble: that is a
 * {@link WireResponse} with status 0.
 */
final class McpWire implements AutoCloseable {
    static final String ACCEPT = "application/json, text/event-stream";
    static final String CLIENT_NAME = "mcp-auth-conformance-load";
    private static final int MAX_BODY_CHARS = 1 << 20;

    private final HttpClient client;
    private final ExecutorService executor;
    private final URI target;
    private final String specVersion;
    private final boolean stateless;

    private final Duration timeout;

    McpWire(URI target, SpecVersion specVersion, Duration timeout, Optional<SSLContext> tls) {
        this.target = target;
        this.specVersion = specVersion.label();
        this.stateless = specVersion.atLeast(SpecVersion.V2026_07_28);
        this.timeout = timeout;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .executor(executor);
        tls.ifPresent(b::sslContext);
        this.client = b.build();
    }

    /** An MCP conversation: the session the server assigned (if any) and the version to declare. */
    record Session(Optional<String> id, String protocolVersion) {
    }

    /** initialize without credentials: the target's challenge, or proof that it is unreachable. */
    WireResponse probe() {
        return post(stateless ? statelessBody("tools/list", "{}", 0) : initializeBody(), Optional.empty(),
                new Session(Optional.empty(), specVersion), stateless ? "tools/list" : "initialize", Optional.empty());
    }

    /**
     * Opens a conversation with this token: {@code initialize} and {@code notifications/initialized}
     * up to 2025-11-25 (a server that assigns no session id is stateless and gets none back);
     * nothing from 2026-07-28.
     */
    Opened open(String token) {
        Session none = new Session(Optional.empty(), specVersion);
        if (stateless) {
            return new Opened(none, Optional.empty());
        }
        WireResponse init = post(initializeBody(), Optional.of(token), none, "initialize", Optional.empty());
        if (init.status() != 200 || !hasResult(init.body())) {
            return new Opened(none, Optional.of(init));
        }
        String negotiated = result(init.body()).flatMap(r -> string(r, "protocolVersion")).orElse(specVersion);
        Session session = new Session(init.sessionId(), negotiated);
        WireResponse note = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Optional.of(token),
                session, "notifications/initialized", Optional.empty());
        return note.success() ? new Opened(session, Optional.empty()) : new Opened(session, Optional.of(note));
    }

    /**
     * What {@link #open} produced.
     *
     * @param session the conversation
     * @param refused the answer that ended the handshake, when it did not complete
     */
    record Opened(Session session, Optional<WireResponse> refused) {
    }

    WireResponse toolsList(Session session, String token) {
        String body = stateless ? statelessBody("tools/list", "{}", 1)
                : rpc(1, "tools/list", "{}");
        return post(body, Optional.of(token), session, "tools/list", Optional.empty());
    }

    /** The body of a {@code tools/call} of {@code tool} with no arguments. */
    String callBody(String tool, long id) {
        String params = "{\"name\":" + Json.createValue(tool) + ",\"arguments\":{}}";
        return stateless ? statelessBody("tools/call", params, id) : rpc(id, "tools/call", params);
    }

    WireResponse call(Session session, String body, Optional<String> token, String tool) {
        return post(body, token, session, "tools/call", Optional.of(tool));
    }

    private String initializeBody() {
        return rpc(0, "initialize", "{\"protocolVersion\":\"" + specVersion + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"" + CLIENT_NAME + "\",\"version\":\"0.1.0\"}}");
    }

    private static String rpc(long id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    /** 2026-07-28: the protocol fields travel in {@code params._meta}. */
    private String statelessBody(String method, String params, long id) {
        JsonObject meta = Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", specVersion)
                .add("io.modelcontextprotocol/clientInfo",
                        Json.createObjectBuilder().add("name", CLIENT_NAME).add("version", "0.1.0"))
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT).build();
        JsonObject withMeta = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(params)).readObject())
                .add("_meta", meta).build();
        return rpc(id, method, withMeta.toString());
    }

    private WireResponse post(String body, Optional<String> token, Session session, String method,
                              Optional<String> name) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        session.id().ifPresent(id -> b.header("Mcp-Session-Id", id));
        if (!method.equals("initialize")) {
            b.header("MCP-Protocol-Version", session.protocolVersion());
        }
        if (stateless) {
            b.header("Mcp-Method", method);
            name.ifPresent(n -> b.header("Mcp-Name", n));
        }
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                text = type.startsWith("text/event-stream") ? firstEvent(in) : readAll(in);
            }
            return new WireResponse(r.statusCode(), r.headers().firstValue("Mcp-Session-Id"),
                    r.headers().firstValue("WWW-Authenticate"), text, "");
        } catch (HttpTimeoutException e) {
            return WireResponse.failed("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return WireResponse.failed(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WireResponse.failed("interrupted");
        }
    }

    static String describe(IOException e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_CHARS);
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An event stream may stay open: read up to the end of the first event that carries data. */
    private static String firstEvent(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null && data.length() < MAX_BODY_CHARS) {
            if (line.isEmpty() && !data.isEmpty()) {
                break;
            }
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
            }
        }
        return data.toString();
    }

    static boolean hasResult(String body) {
        return result(body).isPresent();
    }

    static Optional<JsonObject> result(String body) {
        return message(body).map(m -> m.get("result"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }

    static Optional<JsonObject> message(String body) {
        try (var reader = Json.createReader(new java.io.StringReader(body.strip()))) {
            JsonValue v = reader.readValue();
            return v.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(v.asJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof jakarta.json.JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
