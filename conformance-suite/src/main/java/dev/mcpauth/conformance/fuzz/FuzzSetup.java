package dev.mcpauth.conformance.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Before the run: the scope the target asks for, and a session opened with a good token, so bodies reach the dispatcher. */
final class FuzzSetup {
    private FuzzSetup() {
    }

    /** The {@code scope} of the target's challenge to a request without a token, if it names one. */
    static Optional<String> challengeScope(HttpClient client, URI target, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<Void> r = client.send(post(target, timeout, Optional.empty(), Optional.empty(), "2025-06-18", ping()),
                HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValue("WWW-Authenticate").flatMap(h -> {
            var parsed = dev.mcpauth.conformance.http.WwwAuthenticateParser.parse(java.util.List.of(h));
            return parsed.bearer().flatMap(c -> c.value("scope"));
        });
    }

    /** {@code initialize} then {@code notifications/initialized} with the good token; the session id, if the target gives one. */
    static Optional<String> openSession(HttpClient client, URI target, Duration timeout, String token, String version)
            throws IOException, InterruptedException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-auth-fuzz\",\"version\":\"1\"}}}";
        HttpResponse<String> r = client.send(post(target, timeout, Optional.of(token), Optional.empty(), version, init),
                HttpResponse.BodyHandlers.ofString());
        Optional<String> session = r.headers().firstValue("Mcp-Session-Id");
        client.send(post(target, timeout, Optional.of(token), session, version,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), HttpResponse.BodyHandlers.discarding());
        return session;
    }

    private static String ping() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    }

    private static HttpRequest post(URI target, Duration timeout, Optional<String> token, Optional<String> session,
                                    String version, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", version)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        session.ifPresent(s -> b.header("Mcp-Session-Id", s));
        return b.build();
    }
}
