package dev.mcpauth.server.auth;

import java.util.Optional;

/**
 * One authentication or authorization outcome, as it is logged: who (by fingerprint and
 * claims, never the token), which call, allowed or not, and why.
 *
 * @param fingerprint {@link TokenFingerprint} or {@code -}
 * @param subject     {@code sub} of a verified token
 * @param clientId    {@code client_id}/{@code azp} of a verified token
 * @param method      JSON-RPC method, or the HTTP method for non-JSON-RPC requests
 * @param tool        the tool of a {@code tools/call}
 * @param allowed     the decision
 * @param reason      short code: {@code granted}, {@code missing_token}, a {@link TokenRejection} code, ...
 */
public record AuthDecision(String fingerprint,
                           Optional<String> subject,
                           Optional<String> clientId,
                           Optional<String> method,
                           Optional<String> tool,
                           boolean allowed,
                           String reason) {

    public static AuthDecision denied(String fingerprint, String reason) {
        return new AuthDecision(fingerprint, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                                false, reason);
    }

    public static AuthDecision allowed(AccessToken token) {
        return new AuthDecision(token.fingerprint(), Optional.of(token.subject()), token.clientId(),
                                Optional.empty(), Optional.empty(), true, "granted");
    }

    public AuthDecision forCall(Optional<String> method, Optional<String> tool) {
        return new AuthDecision(fingerprint, subject, clientId, method, tool, allowed, reason);
    }

    public AuthDecision deny(String reason) {
        return new AuthDecision(fingerprint, subject, clientId, method, tool, false, reason);
    }
}
