package dev.mcpauth.server.mcp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.mcpauth.server.auth.AuthNotes;

/**
 * A look at the body before authentication, for two things only: whether a form body carries
 * an {@code access_token} (then a header token makes the request ambiguous, RS-30), and which
 * JSON-RPC method and tool the request names, so the decision log can say it even for refused
 * requests. Nothing here decides anything.
 */
final class RequestPeek {

    private RequestPeek() {
    }

    static void note(byte[] body, Optional<String> contentType, AuthNotes notes) {
        String type = contentType.map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            notes.formToken(hasFormToken(text));
        } else if (JsonRpcMessage.parse(text) instanceof JsonRpcMessage.Request request) {
            notes.call(request.methodName(), request.toolName());
        } else {
            notes.call(JsonRpcMessage.parse(text).methodName(), Optional.empty());
        }
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
