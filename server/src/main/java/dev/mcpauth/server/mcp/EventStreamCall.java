package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.mcpauth.server.mcp.tools.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * A {@code tools/call} answered with an SSE stream scoped to that request (Streamable HTTP,
 * every version): the tool's notifications first (and, in a 2025 session, its requests to the
 * client), the JSON-RPC response last, then the stream ends. Used only for tools that send
 * something before their result, and only when the client accepts {@code text/event-stream}.
 */
@ApplicationScoped
public class EventStreamCall {

    static final String EVENT_STREAM = "text/event-stream";

    private final McpDispatcher dispatcher;
    private final PendingClientRequests pending;

    @Inject
    public EventStreamCall(McpDispatcher dispatcher, PendingClientRequests pending) {
        this.dispatcher = dispatcher;
        this.pending = pending;
    }

    /**
     * Starts the call on its own virtual thread and answers with the stream it writes to.
     *
     * @param session the 2025 session, empty in 2026-07-28
     * @param finish  applied to the JSON-RPC response before it is sent (2026-07-28 result fields)
     */
    Response respond(JsonRpcMessage.Request request, StreamScope scope, Optional<McpSessions.McpSession> session,
                     UnaryOperator<JsonObject> finish) {
        ChunkedOutput<String> body = new ChunkedOutput<>(String.class, "");
        EventStreamWriter stream = new EventStreamWriter(body);
        ToolContext tools = new StreamingToolContext(stream, scope, request.progressToken(), pending);
        Thread.ofVirtual().name("mcp-event-stream").start(() -> {
            try {
                stream.send(finish.apply(dispatcher.dispatch(request, new CallContext(session, tools))));
            } finally {
                stream.close();
            }
        });
        return Response.ok(body, EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** Whether this request is answered with a stream: a tool that sends something first, to a client that takes SSE. */
    boolean streams(JsonRpcMessage.Request request, McpHeaders headers) {
        return McpDispatcher.TOOLS_CALL.equals(request.method()) && headers.acceptsEventStream()
                && dispatcher.toolFor(request).filter(tool -> tool.streams()).isPresent();
    }
}
