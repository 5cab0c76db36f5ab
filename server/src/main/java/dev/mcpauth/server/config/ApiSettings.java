package dev.mcpauth.server.config;

import java.net.URI;
import java.util.Optional;

/**
 * The REST API ({@code /api/memories}) as its own protected resource: its canonical URL
 * ({@code mcp.api.resource}, e.g. {@code https://host/api}) is its token audience and names its
 * RFC 9728 document. Absent: the API is not served (404).
 */
public record ApiSettings(Optional<URI> resource) {

    /** The path the API is served under; {@code mcp.api.resource} must end in exactly this. */
    public static final String API_PATH = "/api";

    public Optional<String> resourceId() {
        return resource.map(URI::toString);
    }

    /** RFC 9728 §3.1: the well-known prefix inserted before the resource path. */
    public Optional<String> protectedResourceMetadataUrl() {
        return resource.map(uri -> uri.getScheme() + "://" + uri.getRawAuthority() + McpSettings.PRM_WELL_KNOWN
                + uri.getRawPath());
    }
}
