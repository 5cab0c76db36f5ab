package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.auth.AccessToken;

/**
 * Who a session belongs to: the principal, not the token bytes, so a refreshed token keeps its
 * session (peers.md §3 #16) and another user's token never fits it (RS-69, peers.md §3 #15).
 */
public record SessionOwner(String issuer, String subject, Optional<String> clientId) {

    public static SessionOwner of(AccessToken token) {
        return new SessionOwner(token.issuer(), token.subject(), token.clientId());
    }
}
