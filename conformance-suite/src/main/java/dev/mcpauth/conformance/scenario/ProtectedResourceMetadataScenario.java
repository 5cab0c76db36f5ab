package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * RFC 9728 Protected Resource Metadata: served without a token at the location a client finds,
 * a JSON object whose resource is exactly the target, naming authorization servers that can be
 * discovered, with consistent documents at every well-known location.
 */
final class ProtectedResourceMetadataScenario implements Scenario {
    static final CheckSpec SERVED = CheckSpec.of("prm-served", Level.MUST,
            "A PRM document is published",
            "GET on the resource_metadata URL of the 401, else the path-inserted well-known URL, else the root one, "
                    + "returns 200 with a JSON object.",
            List.of("RS-01"), "MCP-authorization#authorization-server-location", "RFC9728-3.1");
    static final CheckSpec NO_TOKEN = CheckSpec.of("prm-no-token-required", Level.MUST,
            "The PRM is served without a token",
            "The PRM is read before any token exists, so GET without Authorization must not get 401 or 403.",
            List.of("RS-02"), "RFC9728-3.1");
    static final CheckSpec JSON = CheckSpec.of("prm-json-object", Level.MUST,
            "The PRM is application/json",
            "The PRM response has media type application/json (parameters allowed) and a JSON object body.",
            List.of("RS-03"), "RFC9728-3.2");
    static final CheckSpec NO_EMPTY = CheckSpec.of("prm-no-empty-values", Level.SHOULD,
            "Zero-valued parameters are omitted",
            "RFC 9728 §3.2: parameters with zero elements are omitted; an empty array, object or string is a warning.",
            List.of("RS-03"), "RFC9728-3.2");
    static final CheckSpec MATCHES_LOCATION = CheckSpec.of("prm-resource-matches-location", Level.MUST,
            "The path-inserted PRM names its own resource",
            "The document at the path-inserted well-known URL has resource equal, code point for code point, to the "
                    + "identifier that URL was derived from (RFC 9728 §3.3).",
            List.of("RS-04"), "RFC9728-3.3");
    static final CheckSpec EQUALS_TARGET = CheckSpec.of("prm-resource-equals-target", Level.MUST,
            "resource equals the MCP URL exactly",
            "The PRM's resource is exactly the target URL clients use: no trailing-slash, case or path difference "
                    + "(clients drop the PRM otherwise).",
            List.of("RS-05"), "RFC9728-3.3", "MCP-authorization#canonical-server-uri");
    static final CheckSpec AUTH_SERVERS = CheckSpec.of("prm-authorization-servers", Level.MUST,
            "authorization_servers lists at least one issuer",
            "authorization_servers is a non-empty array of issuer URLs without query or fragment, https (http is "
                    + "tolerated for loopback test runs).",
            List.of("RS-06"), "MCP-authorization#authorization-server-location", "RFC9728-2", "RFC8414-2");
    static final CheckSpec DISCOVERABLE = CheckSpec.of("prm-authorization-servers-discoverable", Level.MUST,
            "Every listed authorization server can be discovered",
            "For each entry, RFC 8414 metadata (from 2025-11-25 also OpenID Connect Discovery with "
                    + "code_challenge_methods_supported) is found in MCP probing order, and its issuer is identical to "
                    + "the entry.",
            List.of("RS-07"), "MCP-authorization#authorization-server-metadata-discovery", "RFC8414-3.3");
    static final CheckSpec SCOPES = CheckSpec.of("prm-scopes-supported", Level.SHOULD,
            "scopes_supported names a small baseline",
            "scopes_supported is RECOMMENDED: present, non-empty, and without catch-all scopes such as * or all.",
            List.of("RS-08"), "RFC9728-2", "MCP-security#scope-minimization");
    static final CheckSpec NO_OFFLINE = CheckSpec.of("prm-no-offline-access", Level.SHOULD,
            "scopes_supported does not list offline_access",
            "2026-07-28 (SEP-2207): a resource server SHOULD NOT list offline_access in scopes_supported; refresh "
                    + "tokens are the authorization server's business.",
            List.of("RS-08"), "MCP-authorization#refresh-tokens", "RFC9728-2").from2607();
    static final CheckSpec BEARER_METHODS = CheckSpec.of("prm-bearer-methods", Level.SHOULD,
            "bearer_methods_supported lists only header",
            "If present, bearer_methods_supported is [\"header\"]: query contradicts OAuth 2.1 §5.1 and MCP; body "
                    + "is not MCP authentication.",
            List.of("RS-09"), "RFC9728-2", "OAUTH21-5.1");
    static final CheckSpec ROOT = CheckSpec.of("prm-root-consistent", Level.MUST,
            "A root PRM does not contradict the path-inserted one",
            "If a PRM is served at the root well-known URL, its resource is the origin (RFC 9728 §3.3 ¶1); a root "
                    + "document naming the MCP path misleads clients that probe it (docs/rs-checklist.md, policy P-10).",
            List.of("RS-12"), "RFC9728-3.3", "MCP-authorization#protected-resource-metadata-discovery-requirements")
            .from1125();

    @Override
    public String id() {
        return "protected-resource-metadata";
    }

    @Override
    public String title() {
        return "Protected Resource Metadata (RFC 9728)";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(SERVED, NO_TOKEN, JSON, NO_EMPTY, MATCHES_LOCATION, EQUALS_TARGET, AUTH_SERVERS, DISCOVERABLE,
                SCOPES, NO_OFFLINE, BEARER_METHODS, ROOT);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Prm prm = ctx.facts().prm();
        List<Response> fetches = prm.fetches();
        if (fetches.stream().noneMatch(Response::received)) {
            rec.untestableRest("no response from the target: "
                    + fetches.stream().findFirst().flatMap(Response::transportError).orElse("?"));
            return;
        }
        List<Response> refused = fetches.stream().filter(r -> r.status() == 401 || r.status() == 403).toList();
        if (!prm.found()) {
            rec.violated(SERVED, "no PRM: " + fetches.stream().map(r -> r.request().uri() + " → " + r.summary()).toList(),
                    details(), fetches);
            if (!refused.isEmpty()) {
                rec.violated(NO_TOKEN, "the PRM location asked for credentials: " + refused.get(0).summary(), details(),
                        refused);
            }
            Optional<Response> nonJson = fetches.stream().filter(r -> r.status() == 200).findFirst();
            if (nonJson.isPresent()) {
                rec.violated(JSON, "200 but not a JSON object (media type \"" + nonJson.get().mediaType() + "\")",
                        details(), List.of(nonJson.get()));
            }
            rec.untestableRest("no PRM document was found");
            return;
        }
        Response served = fetches.get(fetches.size() - 1);
        JsonObject doc = prm.document().orElseThrow();
        rec.pass(SERVED, details("location", prm.location().map(URI::toString).orElse(""), "via", prm.how()), List.of(served));
        rec.verdict(NO_TOKEN, refused.isEmpty(), "a PRM location asked for credentials: "
                + refused.stream().map(Response::summary).toList(), details(), refused.isEmpty() ? List.of(served) : refused);
        rec.verdict(JSON, served.mediaType().equals("application/json"), "media type is \"" + served.mediaType()
                + "\", not application/json", details("contentType", served.header("Content-Type").orElse("")),
                List.of(served));
        List<String> empty = doc.entrySet().stream().filter(e -> isEmpty(e.getValue())).map(Map.Entry::getKey).toList();
        rec.verdict(NO_EMPTY, empty.isEmpty(), "zero-valued parameters: " + empty, details(), List.of(served));
        matchesLocation(ctx, rec, prm, served);
        Optional<String> resource = JsonValues.string(doc, "resource");
        rec.verdict(EQUALS_TARGET, resource.isPresent() && resource.get().equals(ctx.target().url().toString()),
                "resource is " + resource.map(s -> "\"" + s + "\"").orElse("missing") + "; expected exactly \""
                        + ctx.target().url() + "\"", details("resource", resource.orElse("")), List.of(served));
        authorizationServers(ctx, rec, doc, served);
        scopes(rec, doc, served);
        Optional<List<String>> methods = JsonValues.strings(doc, "bearer_methods_supported");
        rec.verdict(BEARER_METHODS, methods.isEmpty() ? !doc.containsKey("bearer_methods_supported")
                        : methods.get().equals(List.of("header")),
                "bearer_methods_supported is " + doc.get("bearer_methods_supported"), details(), List.of(served));
        root(ctx, rec);
    }

    private static boolean isEmpty(JsonValue v) {
        return switch (v.getValueType()) {
            case ARRAY -> v.asJsonArray().isEmpty();
            case OBJECT -> v.asJsonObject().isEmpty();
            case STRING -> ((JsonString) v).getString().isEmpty();
            default -> false;
        };
    }

    private static void matchesLocation(ScenarioContext ctx, CheckRecorder rec, Prm prm, Response served) {
        URI pathInserted = Discovery.pathInsertedPrm(ctx.target().url());
        Response r = prm.location().filter(pathInserted::equals).isPresent() ? served
                : ctx.target().send(Request.get(pathInserted).header("Accept", "application/json"));
        Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
        if (doc.isEmpty()) {
            rec.status(MATCHES_LOCATION, Status.INFO, "no PRM at the path-inserted URL " + pathInserted + " ("
                    + r.summary() + "); the document is served at " + prm.location().map(URI::toString).orElse("?"),
                    details(), List.of(r));
            return;
        }
        String expected = Discovery.resourceForLocation(pathInserted).orElseThrow();
        Optional<String> resource = JsonValues.string(doc.get(), "resource");
        rec.verdict(MATCHES_LOCATION, resource.isPresent() && resource.get().equals(expected),
                "the PRM at " + pathInserted + " has resource " + resource.map(s -> "\"" + s + "\"").orElse("(none)")
                        + "; that location belongs to \"" + expected + "\"",
                details("location", pathInserted.toString(), "resource", resource.orElse("")), List.of(r));
    }

    private static void authorizationServers(ScenarioContext ctx, CheckRecorder rec, JsonObject doc, Response served) {
        Optional<List<String>> servers = JsonValues.strings(doc, "authorization_servers");
        List<String> problems = new ArrayList<>();
        if (servers.isEmpty() || servers.get().isEmpty()) {
            problems.add("authorization_servers is " + (doc.containsKey("authorization_servers")
                    ? "not a non-empty array of strings: " + doc.get("authorization_servers") : "missing"));
        } else {
            for (String s : servers.get()) {
                Optional<URI> u = Target.absolute(s);
                if (u.isEmpty()) {
                    problems.add("\"" + s + "\" is not an absolute URL");
                } else if (u.get().getRawQuery() != null || u.get().getRawFragment() != null) {
                    problems.add("\"" + s + "\" has a query or fragment");
                } else if (!u.get().getScheme().equals("https") && !Discovery.isLoopback(u.get())) {
                    problems.add("\"" + s + "\" is not https");
                }
            }
        }
        rec.verdict(AUTH_SERVERS, problems.isEmpty(), String.join("; ", problems),
                details("authorizationServers", servers.orElse(List.of())), List.of(served));
        if (!problems.isEmpty()) {
            rec.untestable(DISCOVERABLE, "no usable authorization_servers entry", List.of(served));
            return;
        }
        List<Response> seen = new ArrayList<>();
        List<String> undiscoverable = new ArrayList<>();
        for (String s : servers.get()) {
            discover(ctx, URI.create(s), s, seen).ifPresent(undiscoverable::add);
        }
        rec.verdict(DISCOVERABLE, undiscoverable.isEmpty(), String.join("; ", undiscoverable), details(), seen);
    }

    /** Probes an issuer's metadata in MCP order; a problem description, or empty when discovered. */
    private static Optional<String> discover(ScenarioContext ctx, URI issuer, String entry, List<Response> seen) {
        List<String> tried = new ArrayList<>();
        Optional<PublishedKeyLookup.AsMetadata> found = PublishedKeyLookup.asMetadata(ctx.target(), issuer, !ctx.target().is0618(), seen, tried);
        if (found.isEmpty()) {
            return Optional.of("no metadata for " + entry + ": " + String.join("; ", tried));
        }
        Discovery.Candidate c = found.get().at();
        JsonObject m = found.get().document();
        Optional<String> iss = JsonValues.string(m, "issuer");
        if (iss.isEmpty() || !iss.get().equals(entry)) {
            return Optional.of(c.url() + " has issuer " + iss.map(x -> "\"" + x + "\"").orElse("(none)")
                    + ", not \"" + entry + "\"");
        }
        if (c.oidc() && !m.containsKey("code_challenge_methods_supported")) {
            return Optional.of(c.url() + " is OpenID Connect Discovery without code_challenge_methods_supported");
        }
        return Optional.empty();
    }

    private static void scopes(CheckRecorder rec, JsonObject doc, Response served) {
        Optional<List<String>> scopes = JsonValues.strings(doc, "scopes_supported");
        String problem = scopes.isEmpty() ? "scopes_supported is " + (doc.containsKey("scopes_supported")
                ? "not an array of strings" : "absent")
                : scopes.get().isEmpty() ? "scopes_supported is empty"
                : scopes.get().stream().anyMatch(s -> s.equals("*") || s.toLowerCase(Locale.ROOT).equals("all"))
                ? "scopes_supported holds a catch-all scope: " + scopes.get() : "";
        rec.verdict(SCOPES, problem.isEmpty(), problem, details("scopesSupported", scopes.orElse(List.of())),
                List.of(served));
        if (rec.applies(NO_OFFLINE)) {
            rec.verdict(NO_OFFLINE, !scopes.orElse(List.of()).contains("offline_access"),
                    "scopes_supported lists offline_access: " + scopes.orElse(List.of()), details(), List.of(served));
        }
    }

    private static void root(ScenarioContext ctx, CheckRecorder rec) {
        if (!rec.applies(ROOT)) {
            return;
        }
        URI rootUrl = Discovery.rootPrm(ctx.target().url());
        Response r = ctx.target().send(Request.get(rootUrl).header("Accept", "application/json"));
        if (!r.received()) {
            rec.untestable(ROOT, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
        if (doc.isEmpty()) {
            rec.pass(ROOT, details("root", "not served (" + r.status() + ")"), List.of(r));
            return;
        }
        String expected = Discovery.resourceForLocation(rootUrl).orElseThrow();
        Optional<String> resource = JsonValues.string(doc.get(), "resource");
        rec.verdict(ROOT, resource.isPresent() && resource.get().equals(expected), "the root PRM has resource "
                + resource.map(s -> "\"" + s + "\"").orElse("(none)") + "; a root document must name the origin \""
                + expected + "\" (serve the path-inserted PRM and name it in resource_metadata instead)",
                details("resource", resource.orElse("")), List.of(r));
    }
}
