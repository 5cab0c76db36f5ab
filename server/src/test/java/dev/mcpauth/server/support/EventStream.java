package dev.mcpauth.server.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A legacy {@code tools/call} POST whose answer is read as Server-Sent Events while they arrive,
 * so a test can answer a request the server sends before the result exists.
 */
public final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    /** POSTs {@code body} in {@code session} accepting both JSON and SSE, as the SDK clients do. */
    public static EventStream open(String token, String session, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(McpCalls.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return new EventStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** POSTs a 2026-07-28 {@code tools/call} of {@code tool} with the standard headers, accepting JSON and SSE. */
    public static EventStream openStateless(String token, String tool, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(McpCalls.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", ModernCalls.VERSION)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return new EventStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next message on the stream (the {@code data} of the next event). */
    public JsonObject next() {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                try (JsonReader reader = Json.createReader(new StringReader(line.substring(6)))) {
                    return reader.readObject();
                }
            }
        }
        throw new AssertionError("the event stream ended");
    }

    /** Every remaining message until the stream ends. */
    public List<JsonObject> rest() {
        List<JsonObject> messages = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) {
                try (JsonReader reader = Json.createReader(new StringReader(line.substring(6)))) {
                    messages.add(reader.readObject());
                }
            }
        }
        return messages;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
