package dev.mcpauth.conformance.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the run's requests from {@code connections} virtual threads and judges each answer: a
 * 5xx or an echoed token is a {@link Finding}; a request without an answer is followed by
 * liveness probes, and a server that fails them all has stopped answering, which ends the run.
 */
public final class FuzzRun {
    static final int ECHO_WINDOW = 12;
    private static final int PROBES = 3;

    private final HttpClient client;
    private final URI target;
    private final Duration timeout;
    private final RequestFactory factory;
    private final FuzzStats stats = new FuzzStats();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    FuzzRun(HttpClient client, URI target, Duration timeout, RequestFactory factory) {
        this.client = client;
        this.target = target;
        this.timeout = timeout;
        this.factory = factory;
    }

    FuzzStats run(int requests, int connections) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int index = next.getAndIncrement(); index < requests && !stopped.get(); index = next.getAndIncrement()) {
                    send(factory.build(index));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return stats;
    }

    private void send(FuzzRequest request) {
        Optional<HttpResponse<byte[]>> response = exchange(request);
        if (response.isEmpty()) {
            stats.unanswered(request);
            if (!alive()) {
                stopped.set(true);
                stats.found(new Finding(Finding.Kind.STOPPED_ANSWERING, request, 0,
                        "no answer, then " + PROBES + " liveness probes without an answer"));
            }
            return;
        }
        int status = response.get().statusCode();
        stats.answered(request, status);
        if (status >= 500) {
            stats.found(new Finding(Finding.Kind.SERVER_ERROR, request, status, "answered " + status));
        }
        StringBuilder seen = new StringBuilder();
        response.get().headers().map().forEach((name, values) -> values.forEach(v -> seen.append(name).append(": ")
                .append(v).append('\n')));
        seen.append(new String(response.get().body(), StandardCharsets.UTF_8));
        echoed(seen.toString(), request.secrets()).ifPresent(where -> stats.found(new Finding(Finding.Kind.TOKEN_ECHOED,
                request, status, "a piece of token sha256:" + FuzzRequest.fingerprint(where) + " came back")));
    }

    private Optional<HttpResponse<byte[]>> exchange(FuzzRequest request) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(request.pathAndQuery())).timeout(timeout)
                    .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
            return Optional.of(client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The target answers something (any status) to a plain POST within the timeout, in one of a few tries. */
    private boolean alive() {
        for (int i = 0; i < PROBES; i++) {
            try {
                HttpRequest probe = HttpRequest.newBuilder(target).timeout(timeout).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build();
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The secret of which a {@value #ECHO_WINDOW}-character piece occurs in {@code text}, if any. */
    static Optional<String> echoed(String text, List<String> secrets) {
        for (String secret : secrets) {
            if (secret.length() < ECHO_WINDOW) {
                continue;
            }
            for (int i = 0; i + ECHO_WINDOW <= secret.length(); i++) {
                if (text.contains(secret.substring(i, i + ECHO_WINDOW))) {
                    return Optional.of(secret);
                }
            }
        }
        return Optional.empty();
    }
}
