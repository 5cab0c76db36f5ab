package dev.mcpauth.server.api;

import java.util.List;
import java.util.Map;

import dev.mcpauth.server.auth.BearerAuthenticator.Authentication;
import dev.mcpauth.server.config.ApiSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request under {@code /api} passes the API's bearer edge ({@link ApiEdge}) before any
 * resource sees it; the verified token travels on as a request property. When
 * {@code mcp.api.resource} is not set the API does not exist: 404.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiBearerFilter implements ContainerRequestFilter {

    /** Where {@link MemoryApiResource} finds the verified {@link dev.mcpauth.server.auth.AccessToken}. */
    static final String ACCESS_TOKEN = ApiBearerFilter.class.getName() + ".token";

    private final ApiEdge edge;

    @Inject
    public ApiBearerFilter(ApiEdge edge) {
        this.edge = edge;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.equals(ApiSettings.API_PATH) && !path.startsWith(ApiSettings.API_PATH + "/")) {
            return;
        }
        if (!edge.enabled()) {
            request.abortWith(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                                      .entity("{\"error\":\"not_found\",\"error_description\":\"the REST API is not "
                                                      + "configured (mcp.api.resource)\"}").build());
            return;
        }
        List<String> authorization = request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                .map(Map.Entry::getValue).flatMap(List::stream).toList();
        boolean queryToken = request.getUriInfo().getQueryParameters().containsKey("access_token");
        switch (edge.authenticate(authorization, queryToken)) {
            case Authentication.Success success -> request.setProperty(ACCESS_TOKEN, success.accessToken());
            case Authentication.Failure failure -> request.abortWith(ApiEdge.refusal(failure.rejection()));
        }
    }
}
