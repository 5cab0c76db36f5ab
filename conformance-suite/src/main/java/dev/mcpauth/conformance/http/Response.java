package dev.mcpauth.conformance.http;

import dev.mcpauth.conformance.result.Exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back for one {@link Request}. The raw body stays in memory only (a check needs it
 * to look for an echoed token); reports get {@link #exchange()}, which is redacted.
 *
 * @param request        the request as sent
 * @param status         status code, 0 when no response arrived
 * @param headers        response header lines (name, value)
 * @param body           raw response body (possibly cut at the read limit)
 * @param transportError why no (complete) response arrived, if so
 * @param exchange       the redacted record for reports
 */
public record Response(Request request,
                       int status,
                       List<Map.Entry<String, String>> headers,
                       String body,
                       Optional<String> transportError,
                       Exchange exchange) {
    public Response {
        Objects.requireNonNull(request, "request");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(transportError, "transportError");
        Objects.requireNonNull(exchange, "exchange");
    }

    /** True when a status line arrived. */
    public boolean received() {
        return status > 0;
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public boolean is5xx() {
        return status >= 500 && status < 600;
    }

    /** All values of a header, in order (names compared case-insensitively). */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** The media type without parameters, lower-cased; empty if absent. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** Every {@code WWW-Authenticate} line, strictly parsed. */
    public ParsedChallenges challenges() {
        return WwwAuthenticateParser.parse(headers("WWW-Authenticate"));
    }

    /** Short description for messages: {@code 401 (WWW-Authenticate: ...)} or the transport error. */
    public String summary() {
        if (!received()) {
            return "no response (" + transportError.orElse("unknown error") + ")";
        }
        List<String> wa = exchange.responseHeaders().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("WWW-Authenticate")).map(Map.Entry::getValue).toList();
        return status + (wa.isEmpty() ? "" : " (WWW-Authenticate: " + String.join(" | ", wa) + ")");
    }
}
