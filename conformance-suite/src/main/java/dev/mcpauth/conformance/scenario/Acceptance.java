package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.token.Minted;

import java.util.Optional;

/**
 * The outcome of presenting a good baseline token.
 *
 * @param token         the token presented
 * @param session       the session it opened, when accepted
 * @param problem       why it is not usable, when not
 * @param targetAtFault true when the target should have accepted it (the verdict is then a real FAILURE)
 */
public record Acceptance(Minted token, Optional<McpSession> session, Optional<String> problem, boolean targetAtFault) {
    public boolean accepted() {
        return problem.isEmpty();
    }
}
