package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mcpauth.server.http.BoundedHttp;

/**
 * Fetches a small JSON object over HTTP with timeouts and a size cap, for the authorization
 * server's metadata, JWKS and introspection answers. Any failure is an {@link IOException} with a short reason.
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
        return objectOf(uri, receive(uri, request));
    }

    /**
     * POSTs an {@code application/x-www-form-urlencoded} body with an {@code Authorization}
     * header and reads the JSON object answered (RFC 7662 introspection). Neither the body nor the
     * header ever appears in an exception message.
     */
    Map<String, Object> postForm(URI uri, String authorization, String form) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        return objectOf(uri, receive(uri, request));
    }

    private static Map<String, Object> objectOf(URI uri, HttpResponse<byte[]> response) throws IOException {
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
     * The whole exchange, body included, within {@link #REQUEST_TIMEOUT} and {@link #MAX_BYTES}
     * ({@link BoundedHttp}): a server trickling its body must not hold the caller (and the key
     * source's lock) for as long as it likes.
     */
    private HttpResponse<byte[]> receive(URI uri, HttpRequest request) throws IOException {
        try {
            return BoundedHttp.send(client, request, MAX_BYTES, REQUEST_TIMEOUT);
        } catch (HttpTimeoutException e) {
            throw new IOException(uri + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new IOException(uri + " answered " + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }
}
