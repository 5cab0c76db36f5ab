package dev.mcpauth.server.metadata;

import dev.mcpauth.server.api.ApiEdge;
import dev.mcpauth.server.config.ApiSettings;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
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
        return Response.ok(document().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "max-age=300")
                .build();
    }

    @OPTIONS
    public Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Max-Age", "600")
                .build();
    }

    JsonObject document() {
        JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
        settings.scopesSupported().forEach(scopes::add);
        return JsonFactory.createObjectBuilder()
                .add("resource", api.settings().resourceId().orElseThrow())
                .add("authorization_servers", JsonFactory.createArrayBuilder().add(settings.issuerId()))
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", JsonFactory.createArrayBuilder().add("header"))
                .add("resource_name", settings.resourceName() + " REST API")
                .build();
    }
}
