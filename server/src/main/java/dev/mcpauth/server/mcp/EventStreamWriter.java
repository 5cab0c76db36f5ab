package dev.mcpauth.server.mcp;

import java.io.IOException;

import jakarta.json.JsonObject;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Writes JSON-RPC messages as Server-Sent Events ({@code event: message}) on a Jersey
 * {@link ChunkedOutput}, which sends the response headers at once and each event as it is
 * written (a plain {@code StreamingOutput} is buffered by Jersey until it ends, so the client
 * would see a request only after the tool had given up waiting for its answer). Once the client
 * has gone, further messages are dropped: closing the stream is the client's cancellation.
 * Thread-safe.
 */
final class EventStreamWriter {

    private final ChunkedOutput<String> out;
    private boolean open = true;

    EventStreamWriter(ChunkedOutput<String> out) {
        this.out = out;
    }

    /** Sends one message; {@code false} if the client has closed the stream. */
    synchronized boolean send(JsonObject message) {
        if (!open || out.isClosed()) {
            open = false;
            return false;
        }
        try {
            out.write("event: message\ndata: " + message + "\n\n");
        } catch (IOException e) {
            open = false;
        }
        return open;
    }

    /** Ends the stream after the last message. */
    synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            open = false;
        }
    }
}
