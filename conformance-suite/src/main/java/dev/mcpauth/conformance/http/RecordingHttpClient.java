package dev.mcpauth.conformance.http;

import dev.mcpauth.conformance.result.Exchange;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@link Request}s with the JDK client (HTTP/1.1, no redirects) and records each as a
 * redacted {@link Exchange}. It never throws for network trouble: a refused connection or a
 * timeout is a {@link Response} with status 0 and a {@code transportError}, so a check can
 * report it.
 *
 * <p>Bodies are read with a deadline and a size cap. An event stream is read only until the
 * first complete JSON-RPC response event (or {@link #SSE_WAIT}), because a server may keep an
 * SSE stream open forever.
 */
public final class RecordingHttpClient {
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final int REPORT_BODY_CHARS = 8 * 1024;
    public static final Duration SSE_WAIT = Duration.ofMillis(1500);
    public static final Duration GET_STREAM_WAIT = Duration.ofMillis(300);

    private final HttpClient client;
    private final Optional<SSLContext> tls;
    private final Duration timeout;
    private final Redactor redactor;
    private final List<Echo> echoes = new CopyOnWriteArrayList<>();

    /**
     * A response that carried a token the suite sent (whole or a piece of one).
     *
     * @param request what was asked, e.g. {@code POST http://h/mcp → 401} (redacted)
     * @param marker  the redaction marker of the token found
     */
    public record Echo(String request, String marker) {
    }

    public RecordingHttpClient(Duration timeout, Redactor redactor) {
        this(timeout, redactor, Optional.empty());
    }

    /** @param tls the TLS context for https targets (e.g. trusting a test certificate); default trust when empty */
    public RecordingHttpClient(Duration timeout, Redactor redactor, Optional<SSLContext> tls) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.client = newClient();
    }

    private HttpClient newClient() {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        tls.ifPresent(b::sslContext);
        return b.build();
    }

    public Redactor redactor() {
        return redactor;
    }

    /** Every response so far that carried a token the suite sent, in order. */
    public List<Echo> echoes() {
        return List.copyOf(echoes);
    }

    public Response send(Request request) {
        return send(client, request);
    }

    /** Sends on a connection of its own (a client with an empty pool), e.g. to see whether a server still answers. */
    public Response sendOnNewConnection(Request request) {
        HttpClient fresh = newClient();
        try {
            return send(fresh, request);
        } finally {
            fresh.close();
        }
    }

    private Response send(HttpClient via, Request request) {
        HttpRequest built;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                    .timeout(timeout)
                    .method(request.method(), request.body().isEmpty()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            for (Map.Entry<String, String> h : request.headers()) {
                b.header(h.getKey(), h.getValue());
            }
            built = b.build();
        } catch (IllegalArgumentException e) {
            return failed(request, "the JDK HTTP client refused to build this request: " + e.getMessage());
        }
        HttpResponse<InputStream> response;
        try {
            response = via.send(built, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return failed(request, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, "interrupted");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        boolean eventStream = response.headers().firstValue("Content-Type").orElse("")
                .toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
        BodyRead read = readBody(response.body(), eventStream, request.method().equals("GET"));
        Optional<String> error = read.error();
        Response r = new Response(request, response.statusCode(), headers, read.text(), error,
                exchange(request, response.statusCode(), headers, read.text()));
        noteEcho(r);
        return r;
    }

    private void noteEcho(Response r) {
        Optional<String> found = redactor.findSecret(r.body());
        for (int i = 0; found.isEmpty() && i < r.headers().size(); i++) {
            found = redactor.findSecret(r.headers().get(i).getValue());
        }
        found.ifPresent(marker -> echoes.add(new Echo(r.exchange().method() + " " + r.exchange().url() + " → "
                + r.status(), marker)));
    }

    private Response failed(Request request, String error) {
        return new Response(request, 0, List.of(), "", Optional.of(redactor.redact(error)),
                exchange(request, 0, List.of(), ""));
    }

    private Exchange exchange(Request request, int status, List<Map.Entry<String, String>> headers, String body) {
        return new Exchange(request.method(),
                redactor.redact(request.uri().toString()),
                redactor.redactHeaders(request.headers()),
                truncate(redactor.redact(request.body())),
                status,
                redactor.redactHeaders(headers),
                truncate(redactor.redact(body)));
    }

    private static String truncate(String s) {
        return s.length() <= REPORT_BODY_CHARS ? s
                : s.substring(0, REPORT_BODY_CHARS) + "\n[… " + (s.length() - REPORT_BODY_CHARS) + " more characters]";
    }

    private record BodyRead(String text, Optional<String> error) {
    }

    private BodyRead readBody(InputStream in, boolean eventStream, boolean get) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, Math.min(n, Math.max(0, MAX_BODY_BYTES - buffer.size())));
                        if (buffer.size() >= MAX_BODY_BYTES
                                || (eventStream && SseMessages.hasResponse(buffer.toString(StandardCharsets.UTF_8)))) {
                            break;
                        }
                    }
                }
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        Optional<String> error = Optional.empty();
        try {
            // A GET event stream is the server's notification channel: only its status matters.
            long waitMillis = !eventStream ? timeout.toMillis()
                    : Math.min(get ? GET_STREAM_WAIT.toMillis() : SSE_WAIT.toMillis(), timeout.toMillis());
            done.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Optional<String> closeError = closeAfterTimeout(in);
            error = eventStream ? closeError
                    : Optional.of("response body not complete within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            error = Optional.of("body read failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        synchronized (buffer) {
            return new BodyRead(buffer.toString(StandardCharsets.UTF_8), error);
        }
    }

    /** Closing unblocks the reader thread; the body read so far is kept. */
    private static Optional<String> closeAfterTimeout(InputStream in) {
        try {
            in.close();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not close the response stream after the read deadline: " + e.getMessage());
        }
    }
}
