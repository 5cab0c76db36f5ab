package dev.mcpauth.server.mcp.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.http.BodyTooLargeException;
import dev.mcpauth.server.http.BoundedHttp;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code fetch_upstream} ({@code mcp:write}): calls {@code mcp.upstream-url} with the server's
 * own credential {@code mcp.upstream-token}. The client's token is never forwarded (RS-58, no
 * token passthrough): this class cannot even see it. Hidden when no upstream is configured.
 * The call is bounded in time and size, body included ({@link BoundedHttp}): an upstream that
 * is too slow or answers too much is a tool error ({@code isError: true}), not a held thread.
 */
@ApplicationScoped
public class FetchUpstreamTool implements McpTool {

    /** Characters of the body returned to the client ({@code truncated: true} beyond). */
    public static final int MAX_BODY_CHARS = 4096;
    /** Bytes read from the upstream at most; a longer answer is a tool error, read no further. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The whole exchange, body included (connect, headers and body: {@link BoundedHttp}). */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<URI> upstream;
    private final Optional<String> credential;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    public FetchUpstreamTool(McpSettings settings,
                             @ConfigProperty(name = "mcp.upstream-token") Optional<String> credential) {
        this.upstream = settings.upstreamUrl();
        this.credential = credential.map(String::strip).filter(t -> !t.isEmpty());
    }

    @Override
    public String name() {
        return "fetch_upstream";
    }

    @Override
    public String title() {
        return "Fetch upstream";
    }

    @Override
    public String description() {
        return "GETs the configured upstream API with the server's own credential and returns status and body.";
    }

    @Override
    public Set<String> scopes() {
        return Set.of(ScopePolicy.WRITE);
    }

    @Override
    public boolean enabled() {
        return upstream.isPresent();
    }

    @Override
    public ToolResult call(JsonObject arguments) {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.orElseThrow()).timeout(TIMEOUT).GET();
        credential.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<byte[]> response = BoundedHttp.send(client, request.build(), MAX_BODY_BYTES, TIMEOUT);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            return ToolResult.ok(JsonFactory.createObjectBuilder()
                    .add("status", response.statusCode())
                    .add("content_type", response.headers().firstValue("Content-Type").orElse(""))
                    .add("body", body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body)
                    .add("truncated", body.length() > MAX_BODY_CHARS)
                    .build());
        } catch (HttpTimeoutException e) {
            return ToolResult.error("upstream did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (BodyTooLargeException e) {
            return ToolResult.error("upstream answer larger than " + MAX_BODY_BYTES + " bytes");
        } catch (IOException e) {
            return ToolResult.error(Thread.currentThread().isInterrupted() ? "interrupted" : "upstream unreachable");
        }
    }
}
