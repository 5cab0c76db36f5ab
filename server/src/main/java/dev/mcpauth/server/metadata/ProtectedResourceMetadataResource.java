package dev.mcpauth.server.metadata;

import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9728 Protected Resource Metadata at the path-inserted location (§3.1) for the {@code /mcp}
 * resource. Public: no token, any origin (RS-02, RS-14). There is deliberately no root document:
 * its {@code resource} would have to be the bare origin, which contradicts this one for clients
 * that probe (RS-12; docs/rs-checklist.md, policy P-10), so the root path answers 404.
 * <ul>
 *     <li>{@code resource}: the canonical URL, exactly as configured (RS-04, RS-05);</li>
 *     <li>{@code authorization_servers}: the issuer identifier, not a metadata URL (RS-06);</li>
 *     <li>{@code bearer_methods_supported}: header only (RS-09).</li>
 * </ul>
 */
@Path(McpSettings.PRM_WELL_KNOWN + McpSettings.MCP_PATH)
@ApplicationScoped
public class ProtectedResourceMetadataResource {

    private final McpSettings settings;

    @Inject
    public ProtectedResourceMetadataResource(McpSettings settings) {
        this.settings = settings;
    }

    @GET
    public Response metadata() {
        return MetadataResponses.ok(document());
    }

    @OPTIONS
    public Response preflight() {
        return MetadataResponses.preflight();
    }

    JsonObject document() {
        return MetadataResponses.document(settings, settings.resourceId(), settings.resourceName());
    }
}
