package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** A request with no credentials: 401, a Bearer challenge without error, and a way to find the PRM. */
final class MissingTokenScenario implements Scenario {
    static final CheckSpec STATUS = CheckSpec.of("missing-token-status-401", Level.MUST,
            "No token gets 401",
            "POST initialize (2026-07-28: tools/list with the stateless headers and _meta; docs/rs-checklist.md, "
                    + "policy P-09 leaves auth on server/discover open) without Authorization must get 401 Unauthorized.",
            List.of("RS-17"), "MCP-authorization#error-handling", "OAUTH21-5.3", "RFC9110-15.5.2");
    static final CheckSpec CHALLENGE = CheckSpec.of("missing-token-bearer-challenge", Level.MUST,
            "The 401 carries a Bearer challenge",
            "WWW-Authenticate is present, parses strictly under RFC 9110 §11, and holds a Bearer challenge with at "
                    + "least one auth-param.",
            List.of("RS-18"), "RFC6750-3", "RFC9110-11.6.1", "OAUTH21-5.3.1");
    static final CheckSpec NO_ERROR = CheckSpec.of("missing-token-no-error", Level.SHOULD,
            "No error code without credentials",
            "A request without credentials gets a challenge without error or error_description (RFC 6750 §3.1: "
                    + "SHOULD NOT include an error code when the request lacks authentication information).",
            List.of("RS-19"), "RFC6750-3.1", "OAUTH21-5.3.2");
    static final CheckSpec HINT = CheckSpec.of("missing-token-discovery-hint", Level.MUST,
            "The client can find the PRM",
            "2025-06-18: the 401 carries resource_metadata. From 2025-11-25: resource_metadata in the 401, or a PRM "
                    + "at the path-inserted or root well-known URL (RFC 9728 §3.1).",
            List.of("RS-10"), "MCP-authorization#authorization-server-location", "RFC9728-5.1");
    static final CheckSpec RESOLVES = CheckSpec.of("missing-token-resource-metadata-resolves", Level.MUST,
            "resource_metadata resolves to this resource's PRM",
            "The resource_metadata URL is absolute, GET without a token returns 200 with a JSON object, and its "
                    + "resource equals the target URL exactly.",
            List.of("RS-11"), "RFC9728-5.1", "RFC9728-3.3");
    static final CheckSpec SCOPE = CheckSpec.of("missing-token-scope", Level.SHOULD,
            "The 401 names the scope to request",
            "The Bearer challenge carries scope with valid scope syntax (SHOULD from 2025-11-25, SEP-835; a MAY of "
                    + "RFC 6750 in 2025-06-18).",
            List.of("RS-20"), "MCP-authorization#scope-selection-strategy", "RFC6750-3").in0618(Level.MAY);

    static final CheckSpec NO_OFFLINE = CheckSpec.of("missing-token-no-offline-access", Level.SHOULD,
            "The 401 scope does not ask for offline_access",
            "2026-07-28 (SEP-2207): a resource server SHOULD NOT put offline_access in the challenge scope; refresh "
                    + "tokens are not a resource requirement.",
            List.of("RS-20"), "MCP-authorization#refresh-tokens").from2607();

    @Override
    public String id() {
        return "missing-token";
    }

    @Override
    public String title() {
        return "Missing token: 401 with a Bearer challenge that leads to the PRM";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(STATUS, CHALLENGE, NO_ERROR, HINT, RESOLVES, SCOPE, NO_OFFLINE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Response r = ctx.facts().noTokenProbe();
        if (!r.received()) {
            rec.untestableRest("no response from the target: " + r.transportError().orElse("?"));
            return;
        }
        rec.verdict(STATUS, r.status() == 401, "expected 401; got " + r.summary()
                + (r.is2xx() ? ": the request was served without any credentials" : ""), details(), List.of(r));
        Verdicts.bearerChallenge(rec, CHALLENGE, r);
        Optional<Challenge> bearer = r.challenges().bearer();
        if (bearer.isEmpty()) {
            rec.untestableRest("no parseable Bearer challenge in the 401 (" + r.summary() + ")");
            return;
        }
        Challenge c = bearer.get();
        List<String> errorParams = c.params().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                .filter(n -> n.equals("error") || n.equals("error_description")).toList();
        rec.verdict(NO_ERROR, errorParams.isEmpty(), "the challenge to a request without credentials carries "
                + String.join(" and ", errorParams) + ": " + r.summary(), details(), List.of(r));
        hint(ctx, rec, r, c);
        resolves(ctx, rec, c);
        Optional<String> scope = c.value("scope");
        if (rec.applies(NO_OFFLINE)) {
            rec.verdict(NO_OFFLINE, !scope.map(PrivilegedDiscovery::scopes).orElse(java.util.Set.of())
                    .contains("offline_access"), "the 401 scope \"" + scope.orElse("") + "\" asks for offline_access",
                    details("scope", scope.orElse("")), List.of(r));
        }
        if (scope.isEmpty()) {
            rec.violated(SCOPE, "the Bearer challenge has no scope parameter", details(), List.of(r));
        } else {
            rec.verdict(SCOPE, Verdicts.validScope(scope.get()), "scope \"" + scope.get()
                    + "\" is not valid scope syntax (scope-tokens separated by single spaces)", details("scope", scope.get()),
                    List.of(r));
        }
    }

    private void hint(ScenarioContext ctx, CheckRecorder rec, Response r, Challenge c) {
        if (c.param("resource_metadata").isPresent()) {
            rec.pass(HINT, details("via", "resource_metadata"), List.of(r));
            return;
        }
        if (ctx.target().is0618()) {
            rec.violated(HINT, "2025-06-18 requires resource_metadata in every 401; the challenge has none", details(),
                    List.of(r));
            return;
        }
        Prm prm = ctx.facts().prm();
        List<Response> seen = new ArrayList<>(List.of(r));
        seen.addAll(prm.fetches());
        rec.verdict(HINT, prm.found(), "no resource_metadata in the 401 and no PRM at "
                + Discovery.pathInsertedPrm(ctx.target().url()) + " or " + Discovery.rootPrm(ctx.target().url()),
                details("via", prm.how()), seen);
    }

    private void resolves(ScenarioContext ctx, CheckRecorder rec, Challenge c) {
        Optional<String> value = c.value("resource_metadata");
        if (value.isEmpty()) {
            if (ctx.target().is0618()) {
                rec.untestable(RESOLVES, "the 401 has no resource_metadata to follow", List.of());
            } else {
                rec.status(RESOLVES, Status.INFO, "no resource_metadata to follow; discovery through the well-known "
                        + "URLs is judged by " + HINT.id(), details(), List.of());
            }
            return;
        }
        Optional<URI> url = Target.absolute(value.get());
        if (url.isEmpty()) {
            rec.violated(RESOLVES, "resource_metadata \"" + value.get() + "\" is not an absolute URL (RFC 9728 §5.1)",
                    details("resource_metadata", value.get()), List.of());
            return;
        }
        Response fetched = ctx.target().send(Request.get(url.get()).header("Accept", "application/json"));
        Optional<JsonObject> doc = fetched.status() == 200 ? JsonValues.object(fetched.body()) : Optional.empty();
        if (doc.isEmpty()) {
            rec.violated(RESOLVES, "GET " + url.get() + " answered " + fetched.summary() + ", not a JSON object with 200",
                    details("resource_metadata", value.get()), List.of(fetched));
            return;
        }
        Optional<String> resource = JsonValues.string(doc.get(), "resource");
        rec.verdict(RESOLVES, resource.isPresent() && resource.get().equals(ctx.target().url().toString()),
                "the PRM at " + url.get() + " has resource " + resource.map(s -> "\"" + s + "\"").orElse("(none)")
                        + "; expected exactly \"" + ctx.target().url() + "\"",
                details("resource_metadata", value.get(), "resource", resource.orElse("")), List.of(fetched));
    }
}
