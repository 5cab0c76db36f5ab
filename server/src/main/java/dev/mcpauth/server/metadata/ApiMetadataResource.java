package dev.mcpauth.server.metadata;

import dev.mcpauth.server.api.ApiEdge;
import dev.mcpauth.server.config.ApiSettings;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9728 Protected Resource Metadata of the REST API, a resource of its own: {@code resource}
 * is {@code mcp.api.resource}, the same authorization server and scopes as {@code /mcp}. 404 when
 * the API is not configured.
 */
@Path(McpSettings.PRM_WELL_KNOWN + ApiSettings.API_PATH)
@ApplicationScoped
public class ApiMetadataResource {

    private final McpSettings settings;
    private final ApiEdge api;

    @Inject
    public ApiMetadataResource(McpSettings settings, ApiEdge api) {
        this.settings = settings;
        this.api = api;
    }

    @GET
    public Response metadata() {
        if (!api.enabled()) {
            return Response.status(404).build();
        }
        return MetadataResponses.ok(document());
    }

    @OPTIONS
    public Response preflight() {
        return MetadataResponses.preflight();
    }

    JsonObject document() {
        return MetadataResponses.document(settings, api.settings().resourceId().orElseThrow(), settings.resourceName() + " REST API");
    }
}
