package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.mcp.tools.McpTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /mcp} in {@link ProtocolEra#STATELESS_2026}: the stateless Streamable HTTP
 * transport (RS-70). No session is minted or required ({@code Mcp-Session-Id} is ignored), there
 * is no {@code initialize}. Checks, in order: JSON-RPC envelope (400), standard headers
 * (400/-32020), {@code _meta} (400/-32602), method (404/-32601; removed methods such as
 * {@code ping} stay 404 whatever the token), scope (403, every scope in one challenge), then the answer with {@code resultType} and caching hints.
 */
@ApplicationScoped
public class StatelessPostHandler {

    private final McpDispatcher dispatcher;
    private final CallGate gate;
    private final EventStreamCall eventStreams;

    @Inject
    public StatelessPostHandler(McpDispatcher dispatcher, CallGate gate, EventStreamCall eventStreams) {
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.eventStreams = eventStreams;
    }

    Response handle(AccessToken token, McpHeaders headers, JsonRpcMessage message) {
        return switch (message) {
            case JsonRpcMessage.Invalid invalid -> McpResponses.jsonRpcError(invalid.id(), invalid.code(), invalid.message());
            case JsonRpcMessage.ClientResponse ignored -> McpResponses.jsonRpcError(JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: in 2026-07-28 a client sends requests and notifications only");
            case JsonRpcMessage.Notification notification ->
                    gate.refusal(token, notification).orElseGet(McpResponses::accepted);
            case JsonRpcMessage.Request request -> request(token, headers, request);
        };
    }

    private Response request(AccessToken token, McpHeaders headers, JsonRpcMessage.Request request) {
        RequestMeta meta = RequestMeta.of(request);
        Optional<Response> refused = malformed(headers, request, meta)
                .or(() -> gate.refusal(token, request))
                .or(() -> missingCapability(request, meta));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (eventStreams.streams(request, headers)) {
            return eventStreams.respond(request, StreamScope.of(meta), Optional.empty(),
                                        answer -> StatelessResults.complete(request.method(), answer));
        }
        JsonObject answer = McpDispatcher.DISCOVER.equals(request.method())
                ? JsonRpc.result(request.id(), dispatcher.discoverResult())
                : dispatcher.dispatch(request, CallContext.stateless(meta));
        int status = answer.get("error") instanceof JsonObject error ? JsonRpc.httpStatusFor(error.getInt("code")) : 200;
        return McpResponses.jsonRpc(status, StatelessResults.complete(request.method(), answer));
    }

    /** Standard headers (400/-32020), required {@code _meta} (400/-32602), method (404/-32601). */
    private Optional<Response> malformed(McpHeaders headers, JsonRpcMessage.Request request, RequestMeta meta) {
        JsonValue id = request.id();
        Optional<String> headerProblem = StandardHeaderCheck.problem(headers, request);
        if (headerProblem.isPresent()) {
            return Optional.of(McpResponses.headerMismatch(id, headerProblem.get()));
        }
        Optional<String> metaProblem = meta.problem();
        if (metaProblem.isPresent()) {
            return Optional.of(McpResponses.invalidRequestMeta(id, metaProblem.get()));
        }
        return dispatcher.servesStateless(request.method()) ? Optional.empty() : Optional.of(McpResponses.methodNotFound(id));
    }

    /** A tool that needs a client capability the request did not declare: 400/-32021. */
    private Optional<Response> missingCapability(JsonRpcMessage.Request request, RequestMeta meta) {
        if (!McpDispatcher.TOOLS_CALL.equals(request.method())) {
            return Optional.empty();
        }
        return dispatcher.toolFor(request).flatMap(McpTool::requiredClientCapability)
                .filter(capability -> !meta.clientCapabilities().containsKey(capability))
                .map(capability -> McpResponses.missingClientCapability(request.id(), capability));
    }
}
