package dev.mcpauth.conformance.options;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A non-MCP URL the run also judges for its bearer edge ({@code --also-protect URL[,METHOD]}), e.g. a
 * REST API the server protects the same way as its MCP endpoint.
 *
 * @param url    the absolute http(s) URL requested
 * @param method the HTTP method of every request sent to it (GET by default)
 */
public record ProtectedUrl(URI url, String method) {
    /** Methods whose requests the suite sends without a body (a POST gets an empty JSON object). */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    public ProtectedUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + String.join(", ", METHODS.stream()
                    .sorted().toList()) + ": " + method);
        }
    }

    /** {@code URL} or {@code URL,METHOD}; the method is upper-cased. */
    public static ProtectedUrl parse(URI url, String methodOrEmpty) {
        String m = methodOrEmpty.isBlank() ? "GET" : methodOrEmpty.strip().toUpperCase(Locale.ROOT);
        return new ProtectedUrl(url, m);
    }

    /**
     * A kebab-case tag naming this URL in check and scenario ids: the method and the path's
     * letters and digits, e.g. {@code get-api-memories}.
     */
    public String slug() {
        String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
        String words = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return method.toLowerCase(Locale.ROOT) + (words.isEmpty() ? "" : "-" + words);
    }

    /** {@code GET https://host/api/memories}, for titles and messages. */
    public String label() {
        return method + " " + url;
    }
}
