package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.mcp.tools.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * A legacy {@code tools/call} answered with an SSE stream scoped to that request
 * (2025-06-18/2025-11-25 Streamable HTTP "Sending Messages to the Server"): the tool's
 * notifications and requests to the client first, the JSON-RPC response last, then the stream
 * ends. Used only for tools that send something before their result, and only when the client
 * accepts {@code text/event-stream}.
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

    /** Starts the call on its own virtual thread and answers with the stream it writes to. */
    Response respond(JsonRpcMessage.Request request, McpSessions.McpSession session) {
        ChunkedOutput<String> body = new ChunkedOutput<>(String.class, "");
        EventStreamWriter stream = new EventStreamWriter(body);
        ToolContext tools = new StreamingToolContext(stream, session, request.progressToken(), pending);
        Thread.ofVirtual().name("mcp-event-stream").start(() -> {
            try {
                stream.send(dispatcher.dispatch(request, new CallContext(Optional.of(session), tools)));
            } finally {
                stream.close();
            }
        });
        return Response.ok(body, EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}
