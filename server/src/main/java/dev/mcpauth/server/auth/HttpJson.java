package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Fetches a small JSON object over HTTP with timeouts and a size cap, for the authorization
 * server's metadata and JWKS. Any failure is an {@link IOException} with a short reason.
 */
final class HttpJson {

    static final int MAX_BYTES = 512 * 1024;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;

    HttpJson(HttpClient client) {
        this.client = client;
    }

    Map<String, Object> getObject(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = receive(uri, request);
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        try {
            return JSONObjectUtils.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(uri + " did not answer a JSON object", e);
        }
    }

    /**
     * The whole exchange, body included, within {@link #REQUEST_TIMEOUT} and {@link #MAX_BYTES}.
     * The request's own timeout stops at the response headers, so a server trickling its body
     * would otherwise hold the caller (and the key source's lock) for as long as it likes.
     */
    private HttpResponse<byte[]> receive(URI uri, HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new CappedBodySubscriber(MAX_BYTES));
        try {
            return exchange.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(uri + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IOException io && io.getMessage() != null ? io.getMessage() : String.valueOf(cause);
            throw new IOException(uri + " answered " + reason, cause);
        }
    }
}
