package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * The PRM of a URL judged by {@code --also-protect}: found through the 401's
 * {@code resource_metadata}, else at the URL's own path-inserted well-known location; then
 * checked at the well-known URL its {@code resource} derives (RFC 9728 §3.1, §3.3).
 *
 * @param document the PRM found
 * @param resource its {@code resource}, when it names one
 * @param fetches  the requests made to find it
 */
record ProtectedUrlPrm(Optional<JsonObject> document, Optional<String> resource, List<Response> fetches) {

    static ProtectedUrlPrm find(Target target, URI url, Response noToken) {
        List<URI> where = new ArrayList<>();
        noToken.challenges().bearer().flatMap(c -> c.value("resource_metadata")).flatMap(Target::absolute)
                .ifPresent(where::add);
        if (where.isEmpty()) {
            where.add(Discovery.pathInsertedPrm(url));
        }
        List<Response> fetches = new ArrayList<>();
        for (URI u : where) {
            Response r = fetch(target, u);
            fetches.add(r);
            Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
            if (doc.isPresent()) {
                return new ProtectedUrlPrm(doc, JsonValues.string(doc.get(), "resource"), fetches);
            }
        }
        return new ProtectedUrlPrm(Optional.empty(), Optional.empty(), fetches);
    }

    /** The resource-metadata check: a PRM was found and this URL lies within its resource. */
    void judgeFound(CheckRecorder rec, ProtectedUrlChecks c, URI url) {
        if (document.isEmpty()) {
            rec.violated(c.resourceMetadata, "no PRM: " + String.join("; ", fetches.stream()
                    .map(r -> r.request().uri() + " answered " + r.summary()).toList()), details(), fetches);
            return;
        }
        rec.verdict(c.resourceMetadata, resource.isPresent() && covers(resource.get(), url), "the PRM's resource "
                + resource.map(s -> "\"" + s + "\"").orElse("(none)") + " does not name " + url
                + " (same origin, a path prefix at a segment boundary)", details("resource", resource.orElse("")),
                fetches);
    }

    /** The well-known check: the PRM is served at the location derived from its own resource. */
    void judgeWellKnown(CheckRecorder rec, ProtectedUrlChecks c, Target target) {
        Optional<URI> id = resource.flatMap(Target::absolute);
        if (id.isEmpty()) {
            rec.untestable(c.wellKnown, "no PRM with an absolute resource to derive the well-known URL from",
                    fetches);
            return;
        }
        URI location = Discovery.pathInsertedPrm(id.get());
        Response r = fetch(target, location);
        Optional<String> served = r.status() == 200 ? JsonValues.object(r.body())
                .flatMap(d -> JsonValues.string(d, "resource")) : Optional.empty();
        rec.verdict(c.wellKnown, served.isPresent() && served.get().equals(resource.get()), "GET " + location
                + " answered " + r.summary() + (served.isPresent() ? " with resource \"" + served.get()
                + "\"; expected exactly \"" + resource.get() + "\"" : ", not a PRM"),
                details("location", location.toString()), List.of(r));
    }

    /** True when {@code url} is the resource, or under its path, on the same scheme, host and port. */
    static boolean covers(String resource, URI url) {
        Optional<URI> r = Target.absolute(resource);
        if (r.isEmpty() || !Discovery.origin(r.get()).toLowerCase(Locale.ROOT)
                .equals(Discovery.origin(url).toLowerCase(Locale.ROOT))) {
            return false;
        }
        String base = Optional.ofNullable(r.get().getRawPath()).orElse("");
        String path = Optional.ofNullable(url.getRawPath()).orElse("");
        String prefix = base.endsWith("/") ? base : base + "/";
        return path.equals(base) || path.startsWith(prefix);
    }

    private static Response fetch(Target target, URI u) {
        return target.send(Request.get(u).header("Accept", "application/json"));
    }
}
