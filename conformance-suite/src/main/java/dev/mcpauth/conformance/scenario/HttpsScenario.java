package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * https for the MCP endpoint, the PRM and the resource it names. Plain http is a FAILURE, except
 * on a loopback address, where it is a WARNING: local test runs (the main job among them) use
 * loopback http, and a deployment never does.
 */
final class HttpsScenario implements Scenario {
    static final String LOOPBACK_NOTE = "plain http on a loopback address: tolerated for a local test run (WARNING, "
            + "checklist RS-13), never for a deployment, where it is a FAILURE";

    static final CheckSpec ENDPOINT = CheckSpec.of("https-endpoint", Level.MUST,
            "The MCP endpoint uses https",
            "The target URL is https and answers over TLS (OAuth 2.1 §1.5, RFC 9728 §7.1). http on a non-loopback "
                    + "host is a FAILURE; http on a loopback address is a WARNING, because local test runs, the "
                    + "suite's main job among them, use loopback http.",
            List.of("RS-77", "RS-13"), "OAUTH21-1.5", "RFC9728-7.1");
    static final CheckSpec METADATA = CheckSpec.of("https-metadata", Level.MUST,
            "The PRM and its resource use https",
            "The PRM location, its resource and the challenge's resource_metadata are https URLs (RFC 9728 §1.2, "
                    + "§7.1), with the same loopback exception (WARNING) as https-endpoint.",
            List.of("RS-13"), "RFC9728-7.1", "RFC9728-3.3");

    @Override
    public String id() {
        return "https";
    }

    @Override
    public String title() {
        return "https for the endpoint and its metadata (loopback http tolerated as a WARNING)";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(ENDPOINT, METADATA);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Response probe = ctx.facts().noTokenProbe();
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("target", ctx.target().url().toString());
        judge(rec, ENDPOINT, endpoint, List.of(probe));
        Prm prm = ctx.facts().prm();
        if (!prm.found()) {
            rec.untestable(METADATA, "no PRM document was found", prm.fetches());
            return;
        }
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("PRM location", prm.location().map(URI::toString).orElse(""));
        prm.document().flatMap(d -> JsonValues.string(d, "resource")).ifPresent(r -> urls.put("PRM resource", r));
        ctx.facts().noTokenChallenge().flatMap(c -> c.value("resource_metadata")).ifPresent(u -> urls.put("resource_metadata", u));
        List<Response> seen = new ArrayList<>(List.of(probe));
        seen.addAll(prm.fetches());
        judge(rec, METADATA, urls, seen);
    }

    /** SUCCESS when every URL is https; FAILURE for http elsewhere; WARNING for http on loopback. */
    static Status verdict(List<URI> urls) {
        List<URI> plain = urls.stream().filter(u -> !"https".equals(scheme(u))).toList();
        if (plain.isEmpty()) {
            return Status.SUCCESS;
        }
        return plain.stream().allMatch(Discovery::isLoopback) ? Status.WARNING : Status.FAILURE;
    }

    private static void judge(CheckRecorder rec, CheckSpec spec, Map<String, String> urls, List<Response> seen) {
        List<URI> parsed = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        urls.forEach((what, value) -> {
            URI u = Target.absolute(value).orElse(URI.create("unparseable:" + what.replace(' ', '-')));
            parsed.add(u);
            if (!"https".equals(scheme(u))) {
                plain.add(what + " " + value);
            }
        });
        Status status = verdict(parsed);
        Map<String, Object> d = details("urls", List.copyOf(urls.values()));
        if (status == Status.WARNING) {
            d.put("note", LOOPBACK_NOTE);
        }
        rec.status(spec, status, (status == Status.WARNING ? LOOPBACK_NOTE + ": " : "not https: ")
                + String.join("; ", plain), d, seen);
    }

    private static String scheme(URI u) {
        return Optional.ofNullable(u.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    }
}
