package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.ScopePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /mcp} for the session-based versions 2025-06-18 and 2025-11-25, in the order the
 * checks run: JSON-RPC envelope (400/-32700, -32600), {@code initialize} (mints the session),
 * session (400 missing, 404 unknown or foreign), scope (403), then dispatch (200, or 202 for
 * notifications and client responses).
 */
@ApplicationScoped
public class LegacyPostHandler {

    private final McpSessions sessions;
    private final McpDispatcher dispatcher;
    private final ScopeGate scopes;

    @Inject
    public LegacyPostHandler(McpSessions sessions, McpDispatcher dispatcher, ScopeGate scopes) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.scopes = scopes;
    }

    Response handle(AccessToken token, McpHeaders headers, JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Invalid invalid) {
            return McpResponses.jsonRpcError(invalid.id(), invalid.code(), invalid.message());
        }
        if (message instanceof JsonRpcMessage.Request request && McpDispatcher.INITIALIZE.equals(request.method())) {
            return initialize(token, request);
        }
        Optional<Response> refused = sessionProblem(token, headers, message).or(() -> scopes.check(token, message));
        if (refused.isPresent()) {
            return refused.get();
        }
        return message instanceof JsonRpcMessage.Request request
                ? McpResponses.jsonRpc(200, dispatcher.dispatch(request))
                : McpResponses.accepted();
    }

    /** 400 without {@code Mcp-Session-Id}; 404 for an unknown, expired or foreign session (RS-69). */
    private Optional<Response> sessionProblem(AccessToken token, McpHeaders headers, JsonRpcMessage message) {
        JsonValue id = message instanceof JsonRpcMessage.Request request ? request.id() : JsonValue.NULL;
        if (headers.sessionId().isEmpty()) {
            return Optional.of(McpResponses.sessionRequired(id));
        }
        if (sessions.find(headers.sessionId().get(), SessionOwner.of(token)).isEmpty()) {
            return Optional.of(McpResponses.sessionNotFound(id));
        }
        return Optional.empty();
    }

    private Response initialize(AccessToken token, JsonRpcMessage.Request request) {
        Optional<Response> forbidden = scopes.check(token, Set.of(ScopePolicy.BASELINE), "method initialize");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        if (!(request.params().get("protocolVersion") instanceof JsonString requested)) {
            return McpResponses.jsonRpcError(request.id(), JsonRpc.INVALID_PARAMS,
                                             "Invalid params: protocolVersion must be a string");
        }
        String version = ProtocolVersionPolicy.negotiate(Optional.of(requested.getString()));
        McpSessions.McpSession session = sessions.create(SessionOwner.of(token), version);
        return Response.fromResponse(McpResponses.jsonRpc(200,
                        JsonRpc.result(request.id(), dispatcher.initializeResult(version))))
                .header(McpResponses.SESSION_HEADER, session.id())
                .build();
    }
}
