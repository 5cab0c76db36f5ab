package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Browser clients: a CORS preflight never carries credentials, so it must not be challenged and
 * must allow the Authorization header; the PRM must be readable cross-origin; the challenge
 * must be exposed to scripts. No MCP or OAuth text requires any of this (checklist rows RS-14
 * and RS-73 are "silent"), so every check is INFO.
 */
final class CorsScenario implements Scenario {
    static final CheckSpec PREFLIGHT = CheckSpec.of("cors-preflight-no-401", Level.MAY,
            "A CORS preflight is not challenged",
            "OPTIONS on the MCP endpoint with Origin (the target's own), Access-Control-Request-Method: POST and "
                    + "Access-Control-Request-Headers: authorization, content-type gets 2xx: a preflight never carries "
                    + "Authorization (Fetch standard), so a 401 breaks every browser client.",
            List.of("RS-73"), "MCP-transports");
    static final CheckSpec ALLOWS_AUTHORIZATION = CheckSpec.of("cors-preflight-allows-authorization", Level.MAY,
            "The preflight allows the Authorization header",
            "The preflight answer carries Access-Control-Allow-Origin and lists authorization in "
                    + "Access-Control-Allow-Headers (the Fetch standard never lets a wildcard cover Authorization), "
                    + "so a browser may send the token.",
            List.of("RS-73", "RS-14"), "MCP-transports");
    static final CheckSpec EXPOSES = CheckSpec.of("cors-exposes-www-authenticate", Level.MAY,
            "The challenge is readable by browser clients",
            "POST without a token from the target's own Origin gets a 401 with Access-Control-Allow-Origin and "
                    + "Access-Control-Expose-Headers naming WWW-Authenticate (or *), so a browser client can read "
                    + "resource_metadata and scope.",
            List.of("RS-14"), "RFC9728-5.1");
    static final CheckSpec PRM_CORS = CheckSpec.of("cors-prm-readable", Level.MAY,
            "The PRM is readable cross-origin",
            "GET of the PRM with Origin: https://client.example carries Access-Control-Allow-Origin, so browser "
                    + "clients can discover the authorization server.",
            List.of("RS-14"), "RFC9728-3.1");

    static final String CLIENT_ORIGIN = "https://client.example";

    @Override
    public String id() {
        return "cors";
    }

    @Override
    public String title() {
        return "CORS: preflight without a challenge, PRM and challenge readable by browser clients";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(PREFLIGHT, ALLOWS_AUTHORIZATION, EXPOSES, PRM_CORS);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        String origin = Discovery.origin(ctx.target().url());
        Response preflight = ctx.target().send(new Request("OPTIONS", ctx.target().url(), List.of(), "")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version"));
        if (!preflight.received()) {
            rec.untestable(PREFLIGHT, "no response: " + preflight.transportError().orElse("?"), List.of(preflight));
            rec.untestable(ALLOWS_AUTHORIZATION, "no response to the preflight", List.of(preflight));
        } else {
            List<String> allowHeaders = preflight.headers().stream().map(java.util.Map.Entry::getKey)
                    .filter(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-allow-"))
                    .map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
            rec.verdict(PREFLIGHT, preflight.is2xx(), "the preflight answered " + preflight.summary(),
                    details("accessControlAllowHeaders", allowHeaders.isEmpty() ? "none" : String.join(", ", allowHeaders),
                            "note", allowHeaders.isEmpty() ? "no Access-Control-Allow-* header: a browser would still "
                                    + "block the request (see cors-preflight-allows-authorization)" : "present"),
                    List.of(preflight));
            boolean allowed = preflight.header("Access-Control-Allow-Origin").isPresent()
                    && listed(preflight, "Access-Control-Allow-Headers", "authorization", false);
            rec.verdict(ALLOWS_AUTHORIZATION, allowed, "the preflight answer does not let a browser send Authorization "
                    + "(Access-Control-Allow-Origin: " + preflight.header("Access-Control-Allow-Origin").orElse("none")
                    + ", Access-Control-Allow-Headers: " + preflight.header("Access-Control-Allow-Headers").orElse("none")
                    + ")", details(), List.of(preflight));
        }
        exposes(ctx, rec, origin);
        prmReadable(ctx, rec);
    }

    private static void exposes(ScenarioContext ctx, CheckRecorder rec, String origin) {
        Response r = ctx.target().send(ctx.target().mcp().probeRequest().header("Origin", origin));
        if (r.status() != 401) {
            rec.untestable(EXPOSES, "POST without a token from Origin " + origin + " got no 401 to inspect: "
                    + r.summary(), List.of(r));
            return;
        }
        boolean ok = r.header("Access-Control-Allow-Origin").isPresent()
                && listed(r, "Access-Control-Expose-Headers", "www-authenticate", true);
        rec.verdict(EXPOSES, ok, "the 401 does not expose WWW-Authenticate to scripts (Access-Control-Allow-Origin: "
                + r.header("Access-Control-Allow-Origin").orElse("none") + ", Access-Control-Expose-Headers: "
                + r.header("Access-Control-Expose-Headers").orElse("none") + ")", details(), List.of(r));
    }

    private static void prmReadable(ScenarioContext ctx, CheckRecorder rec) {
        Prm prm = ctx.facts().prm();
        if (prm.location().isEmpty()) {
            rec.untestable(PRM_CORS, "no PRM document was found", prm.fetches());
            return;
        }
        URI location = prm.location().get();
        Response r = ctx.target().send(Request.get(location).header("Accept", "application/json").header("Origin", CLIENT_ORIGIN));
        rec.verdict(PRM_CORS, r.status() == 200 && r.header("Access-Control-Allow-Origin").isPresent(),
                "GET " + location + " with Origin " + CLIENT_ORIGIN + " answered " + r.status()
                        + " without Access-Control-Allow-Origin", details(), List.of(r));
    }

    /** Whether a comma-separated header lists {@code name} (case-insensitively), or {@code *} when allowed. */
    static boolean listed(Response r, String header, String name, boolean wildcardCounts) {
        return r.headers(header).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(name) || (wildcardCounts && s.equals("*")));
    }
}
