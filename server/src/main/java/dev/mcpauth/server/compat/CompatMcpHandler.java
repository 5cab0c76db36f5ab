package dev.mcpauth.server.compat;

import dev.mcpauth.server.stdio.StdioServer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /mcp} on the legacy listener: one JSON-RPC message in the body, its response as
 * {@code application/json} (202 for a notification), no session and no token: the same message
 * handling as the STDIO adapter, for the one configured local user. A request from a browser page that
 * is not itself on loopback (an {@code Origin} header whose host is not {@code localhost},
 * {@code 127.0.0.1} or {@code [::1]}) gets 403, so a web page cannot reach the user's memories through
 * DNS rebinding.
 */
final class CompatMcpHandler implements Handler {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final StdioServer messages;

    CompatMcpHandler(StdioServer messages) {
        this.messages = messages;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !loopbackOrigin(origin.get())) {
            json(res, Status.FORBIDDEN_403, "{\"error\":\"origin not allowed\"}");
            return;
        }
        if (req.headers().contentLength().orElse(0L) > MAX_BODY_BYTES) {
            json(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "{\"error\":\"body larger than " + MAX_BODY_BYTES
                    + " bytes\"}");
            return;
        }
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        Optional<JsonObject> answer = messages.answer(body);
        if (answer.isEmpty()) {
            res.status(Status.ACCEPTED_202).send();
            return;
        }
        json(res, Status.OK_200, answer.get().toString());
    }

    static boolean loopbackOrigin(String origin) {
        try {
            java.net.URI uri = new java.net.URI(origin);
            return uri.getRawAuthority() != null && uri.getRawPath().isEmpty()
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && LOOPBACK_HOSTS.contains(String.valueOf(uri.getHost()).toLowerCase(java.util.Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void json(ServerResponse res, Status status, String body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(body);
    }
}
