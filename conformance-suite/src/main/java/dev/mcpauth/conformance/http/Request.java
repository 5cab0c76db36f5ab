package dev.mcpauth.conformance.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request exactly as the suite wants it on the wire: header lines are kept in order and
 * may repeat (two {@code Authorization} lines are a test case, not a mistake).
 *
 * @param method  request method
 * @param uri     absolute URL
 * @param headers header lines in order (name, value)
 * @param body    request body; empty for none
 */
public record Request(String method, URI uri, List<Map.Entry<String, String>> headers, String body) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static Request get(URI uri) {
        return new Request("GET", uri, List.of(), "");
    }

    /** A copy with one more header line (added even when the name is already present). */
    public Request header(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new Request(method, uri, h, body);
    }

    /** A copy with an {@code Authorization: Bearer <token>} line. */
    public Request bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** A copy without any line of this header name. */
    public Request without(String name) {
        return new Request(method, uri,
                headers.stream().filter(e -> !e.getKey().equalsIgnoreCase(name)).toList(), body);
    }

    public Request withUri(URI newUri) {
        return new Request(method, newUri, headers, body);
    }

    public Request withMethod(String newMethod, String newBody) {
        return new Request(newMethod, uri, headers, newBody);
    }
}
