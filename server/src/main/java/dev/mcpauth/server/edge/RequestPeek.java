package dev.mcpauth.server.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.mcpauth.server.mcp.JsonRpcMessage;
import dev.mcpauth.server.mcp.PostedBody;

/**
 * What the bearer edge learns from a request's body before authentication, for two things only:
 * whether a form body carries an {@code access_token} (then a header token makes the request
 * ambiguous, RS-30), and which JSON-RPC method and tool the request names, so the decision log
 * can say it even for refused requests. Nothing here decides anything.
 */
record RequestPeek(Optional<String> method, Optional<String> tool, boolean formToken) {

    /** A request without a body (GET, DELETE). */
    static final RequestPeek NONE = new RequestPeek(Optional.empty(), Optional.empty(), false);

    static RequestPeek of(PostedBody body, Optional<String> contentType) {
        String type = contentType.map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return new RequestPeek(Optional.empty(), Optional.empty(), hasFormToken(body.text()));
        }
        JsonRpcMessage message = body.message();
        Optional<String> tool = message instanceof JsonRpcMessage.Request request ? request.toolName() : Optional.empty();
        return new RequestPeek(message.methodName(), tool, false);
    }

    static boolean hasFormToken(String form) {
        return Arrays.stream(form.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .map(RequestPeek::decodedName)
                .anyMatch(name -> name.filter("access_token"::equals).isPresent());
    }

    /**
     * A form field name, percent-decoded; empty when an escape is broken ({@code %zz}, a lone
     * {@code %}). Such a name is no {@code access_token}, and this runs before authentication,
     * so it must never throw: the request then gets the ordinary challenge, not a 500.
     */
    private static Optional<String> decodedName(String name) {
        try {
            return Optional.of(URLDecoder.decode(name, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
