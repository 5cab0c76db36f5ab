package dev.mcpauth.server.edge;

import java.io.IOException;
import java.util.Optional;

import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.mcp.McpResponses;
import dev.mcpauth.server.mcp.PostedBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The first check on {@code /mcp}, before Helidon security runs:
 * <ol>
 *     <li>a present, disallowed {@code Origin} gets 403 (RS-67);</li>
 *     <li>a CORS preflight from an allowed origin gets 204 without authentication (RS-73);</li>
 *     <li>the body is read (capped) and parsed once ({@link PostedBody}), and the request's
 *     {@link RequestAuthOutcome} is opened with what it names ({@link RequestPeek}).</li>
 * </ol>
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class McpEdgeFilter implements ContainerRequestFilter {

    private final OriginPolicy origins;

    @Inject
    public McpEdgeFilter(OriginPolicy origins) {
        this.origins = origins;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!reachesMcpResource(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        Optional<String> origin = Optional.ofNullable(request.getHeaderString("Origin"));
        if (!origins.permits(origin)) {
            request.abortWith(McpResponses.plainError(403, "forbidden", "origin not allowed"));
        } else if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            request.abortWith(preflight(origin));
        } else if (HttpMethod.POST.equals(request.getMethod())) {
            readAndPeek(request);
        } else {
            RequestAuthOutcome.open(RequestPeek.NONE);
        }
    }

    /**
     * Whether Jersey will route this path to {@code McpResource}: {@code /mcp}, and also
     * {@code /mcp/} or {@code /mcp//}, since Jersey matches a resource path with trailing slashes.
     * Checking {@code /mcp} alone let those variants skip the Origin check and the body peek.
     * Runs twice per request (here and in {@link McpResponseFilter}), so no regular expression.
     */
    static boolean reachesMcpResource(String rawPath) {
        int end = rawPath.length();
        while (end > 0 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        return end == McpSettings.MCP_PATH.length() && rawPath.startsWith(McpSettings.MCP_PATH);
    }

    private Response preflight(Optional<String> origin) {
        Response.ResponseBuilder response = Response.noContent().header(HttpHeaders.ALLOW, CorsHeaders.ALLOWED_METHODS);
        Response built = response.build();
        origin.ifPresent(o -> CorsHeaders.addPreflightHeaders(built.getHeaders(), o));
        return built;
    }

    private static void readAndPeek(ContainerRequestContext request) throws IOException {
        Optional<PostedBody> body = PostedBody.read(request);
        if (body.isEmpty()) {
            request.abortWith(McpResponses.plainError(413, "request_too_large", "body exceeds 1 MiB"));
            return;
        }
        RequestAuthOutcome.open(RequestPeek.of(body.get(),
                Optional.ofNullable(request.getHeaderString(HttpHeaders.CONTENT_TYPE))));
    }
}
