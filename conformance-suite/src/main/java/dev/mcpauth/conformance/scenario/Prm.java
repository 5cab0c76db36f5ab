package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.Response;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Protected Resource Metadata the suite found, and every fetch it took to find it.
 *
 * @param location where the document was served (empty when none was found)
 * @param document the JSON object served there
 * @param how      how the location was found: {@code resource_metadata}, {@code path-inserted} or {@code root}
 * @param fetches  every PRM request made while looking, in order
 */
public record Prm(Optional<URI> location, Optional<JsonObject> document, String how, List<Response> fetches) {
    public Prm {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(how, "how");
        fetches = List.copyOf(fetches);
    }

    public boolean found() {
        return document.isPresent();
    }
}
