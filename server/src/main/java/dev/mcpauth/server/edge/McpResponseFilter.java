package dev.mcpauth.server.edge;

import java.util.Optional;

import dev.mcpauth.server.auth.AuthDecisionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Runs on every {@code /mcp} response, including the ones Helidon security and the edge filter
 * abort: adds the CORS headers and writes the request's one auth-decision log line.
 */
@Provider
@ApplicationScoped
public class McpResponseFilter implements ContainerResponseFilter {

    private final OriginPolicy origins;
    private final AuthDecisionLog decisionLog;

    @Inject
    public McpResponseFilter(OriginPolicy origins, AuthDecisionLog decisionLog) {
        this.origins = origins;
        this.decisionLog = decisionLog;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!McpEdgeFilter.reachesMcpResource(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        CorsHeaders.addExposeHeaders(response.getHeaders());
        Optional.ofNullable(request.getHeaderString("Origin"))
                .filter(origins::isAllowed)
                .ifPresent(origin -> CorsHeaders.addResponseHeaders(response.getHeaders(), origin));
        RequestAuthOutcome.current().flatMap(RequestAuthOutcome::decision).ifPresent(decisionLog::record);
    }
}
