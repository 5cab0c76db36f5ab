package dev.mcpauth.conformance.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and the response it got, as shown in a report. Every token the suite
 * sent is already replaced by a redaction marker (see the redaction helper) before an
 * exchange is built: reports are published, tokens must never be.
 *
 * @param method         request method
 * @param url            request URL (query tokens redacted)
 * @param requestHeaders request header lines in the order sent (name, value)
 * @param requestBody    request body, possibly truncated; empty string if none
 * @param status         response status code, or 0 when no response arrived
 * @param responseHeaders response header lines (name, value)
 * @param responseBody   response body, truncated for the report; empty string if none
 */
public record Exchange(String method,
                       String url,
                       List<Map.Entry<String, String>> requestHeaders,
                       String requestBody,
                       int status,
                       List<Map.Entry<String, String>> responseHeaders,
                       String responseBody) {
    public Exchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        requestHeaders = List.copyOf(requestHeaders);
        Objects.requireNonNull(requestBody, "requestBody");
        responseHeaders = List.copyOf(responseHeaders);
        Objects.requireNonNull(responseBody, "responseBody");
    }
}
