package dev.mcpauth.server.mcp.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code fetch_upstream} ({@code mcp:write}): calls {@code mcp.upstream-url} with the server's
 * own credential {@code mcp.upstream-token}. The client's token is never forwarded (RS-58, no
 * token passthrough): this class cannot even see it. Hidden when no upstream is configured.
 */
@ApplicationScoped
public class FetchUpstreamTool implements McpTool {

    static final int MAX_BODY_CHARS = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return ToolResult.ok(Json.createObjectBuilder()
                    .add("status", response.statusCode())
                    .add("content_type", response.headers().firstValue("Content-Type").orElse(""))
                    .add("body", body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body)
                    .add("truncated", body.length() > MAX_BODY_CHARS)
                    .build());
        } catch (IOException e) {
            return ToolResult.error("upstream unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("interrupted");
        }
    }
}
