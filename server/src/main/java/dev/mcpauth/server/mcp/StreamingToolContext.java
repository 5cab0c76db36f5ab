package dev.mcpauth.server.mcp;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mcpauth.server.json.JsonFactory;
import dev.mcpauth.server.mcp.tools.ClientRequestFailedException;
import dev.mcpauth.server.mcp.tools.ToolContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The context of a {@code tools/call} answered with an SSE stream: progress and log
 * notifications for this request in either era; in a 2025 session also requests to the client,
 * whose answers come back as POSTs in the same session ({@link PendingClientRequests}).
 */
final class StreamingToolContext implements ToolContext {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final EventStreamWriter stream;
    private final StreamScope scope;
    private final Optional<JsonValue> progressToken;
    private final PendingClientRequests pending;

    StreamingToolContext(EventStreamWriter stream, StreamScope scope, Optional<JsonValue> progressToken,
                         PendingClientRequests pending) {
        this.stream = stream;
        this.scope = scope;
        this.progressToken = progressToken;
        this.pending = pending;
    }

    @Override
    public boolean clientSupports(String capability) {
        return scope.clientCapabilities().containsKey(capability);
    }

    @Override
    public void progress(double progress, double total, String message) {
        progressToken.ifPresent(token -> stream.send(notification("notifications/progress", JsonFactory.createObjectBuilder()
                .add("progressToken", token).add("progress", progress).add("total", total).add("message", message).build())));
    }

    @Override
    public void log(String level, String message) {
        if (LogLevels.passes(level, scope.logMinimum())) {
            stream.send(notification("notifications/message", JsonFactory.createObjectBuilder()
                    .add("level", level).add("logger", McpDispatcher.SERVER_NAME).add("data", message).build()));
        }
    }

    @Override
    public JsonObject ask(String method, JsonObject params) throws ClientRequestFailedException {
        if (scope.sessionId().isEmpty()) {
            throw new ClientRequestFailedException("2026-07-28 sends no requests on a response stream (it uses "
                    + "multi round-trip input requests, which this server does not implement); use a 2025-11-25 session");
        }
        PendingClientRequests.Ticket ticket = pending.open(scope.sessionId().get());
        try {
            JsonObject request = JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("id", ticket.requestId())
                    .add("method", method).add("params", params).build();
            if (!stream.send(request)) {
                throw new ClientRequestFailedException("the client closed the stream");
            }
            return resultOf(method, ticket.answer().get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new ClientRequestFailedException("the client did not answer " + method + " within "
                    + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ClientRequestFailedException("the answer to " + method + " was lost");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientRequestFailedException("interrupted while waiting for " + method);
        } finally {
            pending.close(ticket);
        }
    }

    private static JsonObject resultOf(String method, JsonObject answer) throws ClientRequestFailedException {
        if (answer.get("result") instanceof JsonObject result) {
            return result;
        }
        throw new ClientRequestFailedException("the client refused " + method);
    }

    private static JsonObject notification(String method, JsonObject params) {
        return JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("method", method).add("params", params).build();
    }
}
