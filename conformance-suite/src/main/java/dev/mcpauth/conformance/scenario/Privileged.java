package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;

import java.util.List;
import java.util.Optional;

/**
 * A tool that needs more than the low-scope token carries.
 *
 * @param tool    its name
 * @param scope   the scope to step up to
 * @param session a session opened with the low-scope token
 * @param trail   the calls made while looking
 * @param problem why none was found
 */
public record Privileged(Optional<String> tool, Optional<String> scope, Optional<McpSession> session,
                         List<Response> trail, Optional<String> problem) {
}
