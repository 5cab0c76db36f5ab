package dev.mcpauth.conformance.http;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code data} of server-sent events (the WHATWG event-stream format) well enough to
 * find the JSON-RPC messages a Streamable HTTP server sends in reply to one POST.
 */
public final class SseMessages {
    private SseMessages() {
    }

    /** The data of every complete event (one terminated by a blank line), in order. */
    public static List<String> completeEventData(String stream) {
        String normalized = stream.replace("\r\n", "\n").replace('\r', '\n');
        List<String> out = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf('\n', start);
            if (end < 0) {
                break; // an incomplete last line belongs to an incomplete event
            }
            String line = normalized.substring(start, end);
            start = end + 1;
            if (line.isEmpty()) {
                if (hasData) {
                    out.add(data.toString());
                }
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith("data")) {
                String value = line.length() > 4 && line.charAt(4) == ':' ? line.substring(5) : line.equals("data") ? "" : null;
                if (value != null) {
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
            }
        }
        return out;
    }

    /** The first complete event whose data is a JSON-RPC response (has {@code result} or {@code error}). */
    public static Optional<JsonObject> firstResponse(String stream) {
        return completeEventData(stream).stream()
                .map(JsonValues::object)
                .flatMap(Optional::stream)
                .filter(o -> o.containsKey("result") || o.containsKey("error"))
                .findFirst();
    }

    public static boolean hasResponse(String stream) {
        return firstResponse(stream).isPresent();
    }
}
