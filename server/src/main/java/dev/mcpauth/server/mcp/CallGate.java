package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import jakarta.ws.rs.core.Response;

/**
 * The authorization step the transports ask before they answer a call: may this token make it?
 * The transports decide where in their order of checks it runs; the bearer edge
 * ({@code dev.mcpauth.server.edge.ScopeGate}) decides the answer and writes the refusal.
 */
public interface CallGate {

    /** A refusal (403 with the step-up challenge) if the token lacks what this message needs. */
    Optional<Response> refusal(AccessToken token, JsonRpcMessage message);

    /**
     * @param subject what is being called, for {@code error_description}: "ending a session", "method initialize"
     * @return a refusal if the token lacks {@code required}; empty if the call may proceed
     */
    Optional<Response> refusal(AccessToken token, Set<String> required, String subject);
}
