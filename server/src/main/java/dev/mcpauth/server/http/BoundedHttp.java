package dev.mcpauth.server.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An outbound HTTP exchange bounded as a whole, body included, in time and in size. The JDK
 * request timeout stops counting once the response headers arrive, and the usual body handlers
 * read everything before the caller can look at it, so a server that trickles its body or never
 * ends it would otherwise hold the calling thread and memory for as long as it likes. Used for
 * the authorization server's metadata and JWKS and for the {@code fetch_upstream} tool.
 */
public final class BoundedHttp {

    private BoundedHttp() {
    }

    /**
     * Sends {@code request} and returns the response with its whole body, or fails: with
     * {@link HttpTimeoutException} when the exchange (body included) takes longer than
     * {@code deadline}, with {@link BodyTooLargeException} when the body passes {@code maxBytes}
     * (the exchange is cancelled at once in both cases), with another {@link IOException} when
     * the exchange itself fails.
     */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, int maxBytes, Duration deadline)
            throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new CappedBodySubscriber(maxBytes));
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            HttpTimeoutException late = new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
            late.initCause(e);
            throw late;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }
}
