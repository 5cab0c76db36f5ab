package dev.mcpauth.server.mcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The body of one {@code POST /mcp}, read (capped at {@value #MAX_BYTES} bytes) and parsed
 * once, before authentication, then handed on in a request property: the bearer edge peeks at it
 * and {@link McpResource} answers it without parsing it again.
 *
 * @param text    the body as UTF-8 text (a form body is judged by the edge, RS-30)
 * @param message the body as a JSON-RPC message, {@link JsonRpcMessage.Invalid} when it is not one
 */
public record PostedBody(String text, JsonRpcMessage message) {

    public static final int MAX_BYTES = 1024 * 1024;
    private static final String PROPERTY = PostedBody.class.getName();

    /**
     * Reads and parses the request's body, keeps it for the resource and puts the bytes back
     * for Jersey.
     *
     * @return empty when the body exceeds {@value #MAX_BYTES} bytes
     */
    public static Optional<PostedBody> read(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            return Optional.empty();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        PostedBody posted = of(body);
        request.setProperty(PROPERTY, posted);
        return Optional.of(posted);
    }

    /**
     * JSON text is UTF-8 (RFC 8259 §8.1): a body that is not is a parse error, never a message
     * repaired with U+FFFD (a tool would store text the client never sent).
     */
    static PostedBody of(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonRpcMessage message = StrictUtf8.decode(body).map(JsonRpcMessage::parse)
                .orElseGet(() -> new JsonRpcMessage.Invalid(JsonValue.NULL, JsonRpc.PARSE_ERROR, "Parse error: the body is not UTF-8"));
        return new PostedBody(text, message);
    }

    /** The body {@link #read} kept for this request; parsed here if it was not read before. */
    static PostedBody of(ContainerRequestContext request, byte[] body) {
        return request.getProperty(PROPERTY) instanceof PostedBody posted ? posted : of(body);
    }
}
