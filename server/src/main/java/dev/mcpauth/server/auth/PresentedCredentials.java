package dev.mcpauth.server.auth;

import java.util.List;

/**
 * What the request offered, before any judgement: every {@code Authorization} field line, and
 * whether an {@code access_token} appeared in the query string or a form body.
 */
public record PresentedCredentials(List<String> authorizationHeaders, boolean queryToken, boolean formToken) {

    public PresentedCredentials {
        authorizationHeaders = List.copyOf(authorizationHeaders);
    }
}
