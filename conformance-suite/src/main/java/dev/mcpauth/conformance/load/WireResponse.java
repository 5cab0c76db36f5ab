package dev.mcpauth.conformance.load;

import java.util.Optional;

/**
 * One answer as the load sees it.
 *
 * @param status    the HTTP status, or 0 when no answer came (see {@code error})
 * @param sessionId the {@code Mcp-Session-Id} it assigned, if any
 * @param wwwAuthenticate the {@code WWW-Authenticate} field, if any
 * @param body      the body (for an event stream: up to the end of the first event)
 * @param error     why no answer came (connection refused, timeout), when status is 0
 */
record WireResponse(int status, Optional<String> sessionId, Optional<String> wwwAuthenticate, String body,
                    String error) {
    static WireResponse failed(String error) {
        return new WireResponse(0, Optional.empty(), Optional.empty(), "", error);
    }

    boolean answered() {
        return status != 0;
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}
