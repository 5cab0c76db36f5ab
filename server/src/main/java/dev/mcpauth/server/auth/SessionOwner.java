package dev.mcpauth.server.auth;

import java.util.Optional;

/**
 * Who a session belongs to: the principal, not the token bytes, so a refreshed token keeps its
 * session and another user's token never fits it (RS-69).
 */
public record SessionOwner(String issuer, String subject, Optional<String> clientId) {

    public static SessionOwner of(AccessToken token) {
        return new SessionOwner(token.issuer(), token.subject(), token.clientId());
    }
}
