package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.auth.SessionOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /mcp} in {@link ProtocolEra#SESSIONS_2025} (2025-06-18 and 2025-11-25), in the order the
 * checks run: JSON-RPC envelope (400/-32700, -32600), {@code initialize} (mints the session),
 * session (400 missing, 404 unknown or foreign), scope (403), then the answer: 200 JSON, an SSE
 * stream for a tool that sends something first, 202 for notifications and for a client's
 * answer to a request the server sent on such a stream.
 */
@ApplicationScoped
public class SessionPostHandler {

    private final McpSessions sessions;
    private final McpDispatcher dispatcher;
    private final CallGate gate;
    private final EventStreamCall eventStreams;
    private final PendingClientRequests pending;

    @Inject
    public SessionPostHandler(McpSessions sessions, McpDispatcher dispatcher, CallGate gate,
                             EventStreamCall eventStreams, PendingClientRequests pending) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.eventStreams = eventStreams;
        this.pending = pending;
    }

    Response handle(AccessToken token, McpHeaders headers, JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Invalid invalid) {
            return McpResponses.jsonRpcError(invalid.id(), invalid.code(), invalid.message());
        }
        if (message instanceof JsonRpcMessage.Request request && McpDispatcher.INITIALIZE.equals(request.method())) {
            return initialize(token, request);
        }
        JsonValue id = message instanceof JsonRpcMessage.Request request ? request.id() : JsonValue.NULL;
        if (headers.sessionId().isEmpty()) {
            return McpResponses.sessionRequired(id);
        }
        Optional<McpSessions.McpSession> session = sessions.find(headers.sessionId().get(), SessionOwner.of(token));
        if (session.isEmpty()) {
            return McpResponses.sessionNotFound(id);
        }
        return gate.refusal(token, message).orElseGet(() -> answer(headers, message, session.get()));
    }

    private Response answer(McpHeaders headers, JsonRpcMessage message, McpSessions.McpSession session) {
        if (message instanceof JsonRpcMessage.ClientResponse answer) {
            pending.complete(session.id(), answer.id(), answer.message());
            return McpResponses.accepted();
        }
        if (!(message instanceof JsonRpcMessage.Request request)) {
            return McpResponses.accepted();
        }
        return eventStreams.streams(request, headers)
                ? eventStreams.respond(request, StreamScope.of(session), Optional.of(session), UnaryOperator.identity())
                : McpResponses.jsonRpc(200, dispatcher.dispatch(request, CallContext.inSession(session)));
    }

    private Response initialize(AccessToken token, JsonRpcMessage.Request request) {
        Optional<Response> forbidden = gate.refusal(token, Set.of(ScopePolicy.BASELINE), "method initialize");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        if (!(request.params().get("protocolVersion") instanceof JsonString requested)) {
            return McpResponses.jsonRpcError(request.id(), JsonRpc.INVALID_PARAMS,
                                             "Invalid params: protocolVersion must be a string");
        }
        String version = ProtocolVersionPolicy.negotiate(Optional.of(requested.getString()));
        JsonObject capabilities = request.params().get("capabilities") instanceof JsonObject declared
                ? declared : JsonValue.EMPTY_JSON_OBJECT;
        McpSessions.McpSession session = sessions.create(SessionOwner.of(token), version, capabilities);
        return Response.fromResponse(McpResponses.jsonRpc(200,
                        JsonRpc.result(request.id(), dispatcher.initializeResult(version))))
                .header(McpResponses.SESSION_HEADER, session.id())
                .build();
    }
}
