package dev.mcpauth.server.mcp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Requests the server sent to a client on an SSE stream ({@code sampling/createMessage},
 * {@code elicitation/create}) and is waiting for. The client answers with a separate POST in the
 * same session; an answer only completes a request of that very session, so one principal can
 * never answer for another (sessions are bound to the principal, RS-69).
 */
@ApplicationScoped
public class PendingClientRequests {

    private final Map<Key, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /** Registers a new request of {@code sessionId}; its id is unique in this process. */
    public Ticket open(String sessionId) {
        Ticket ticket = new Ticket(sessionId, "server-request-" + counter.incrementAndGet(), new CompletableFuture<>());
        pending.put(new Key(sessionId, ticket.requestId()), ticket.answer());
        return ticket;
    }

    /** Delivers a client's answer; {@code false} if no request of this session has that id. */
    public boolean complete(String sessionId, JsonValue id, JsonObject answer) {
        if (!(id instanceof JsonString requestId)) {
            return false;
        }
        CompletableFuture<JsonObject> waiting = pending.remove(new Key(sessionId, requestId.getString()));
        return waiting != null && waiting.complete(answer);
    }

    /** Forgets a request that was answered, timed out or whose stream ended. */
    public void close(Ticket ticket) {
        pending.remove(new Key(ticket.sessionId(), ticket.requestId()));
    }

    /** One request waiting for its answer (the whole JSON-RPC response object). */
    public record Ticket(String sessionId, String requestId, CompletableFuture<JsonObject> answer) {
    }

    private record Key(String sessionId, String requestId) {
    }
}
