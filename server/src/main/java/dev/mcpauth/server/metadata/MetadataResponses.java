package dev.mcpauth.server.metadata;

import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What every RFC 9728 document of this server shares, whichever resource it describes: the same
 * authorization server and scopes, header-only bearer tokens (RS-06, RS-09), and public answers
 * that any origin may read without a token (RS-02, RS-14).
 */
final class MetadataResponses {

    private MetadataResponses() {
    }

    /** The document for {@code resource}, exactly as configured (RS-04, RS-05). */
    static JsonObject document(McpSettings settings, String resource, String resourceName) {
        JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
        settings.scopesSupported().forEach(scopes::add);
        JsonArrayBuilder issuers = JsonFactory.createArrayBuilder();
        settings.issuerIds().forEach(issuers::add);
        return JsonFactory.createObjectBuilder()
                .add("resource", resource)
                .add("authorization_servers", issuers)
                .add("scopes_supported", scopes)
                .add("bearer_methods_supported", JsonFactory.createArrayBuilder().add("header"))
                .add("resource_name", resourceName)
                .build();
    }

    static Response ok(JsonObject document) {
        return Response.ok(document.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "max-age=300")
                .build();
    }

    static Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Max-Age", "600")
                .build();
    }
}
