package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.check.Level;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;

import java.net.URI;
import java.util.List;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Browser clients: a CORS preflight never carries credentials, so it must not be challenged,
 * and the PRM must be readable cross-origin. No MCP or OAuth text requires either (checklist
 * rows RS-14 and RS-73 are "silent"), so both are INFO.
 */
final class CorsScenario implements Scenario {
    static final CheckSpec PREFLIGHT = CheckSpec.of("cors-preflight-no-401", Level.MAY,
            "A CORS preflight is not challenged",
            "OPTIONS on the MCP endpoint with Origin (the target's own), Access-Control-Request-Method: POST and "
                    + "Access-Control-Request-Headers: authorization, content-type gets 2xx: a preflight never carries "
                    + "Authorization (Fetch standard), so a 401 breaks every browser client.",
            List.of("RS-73"), "MCP-transports");
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
        return "CORS: preflight without a challenge, PRM readable by browser clients";
    }

    @Override
    public List<String> rows() {
        return List.of("RS-14", "RS-73");
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(PREFLIGHT, PRM_CORS);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Response preflight = ctx.send(new Request("OPTIONS", ctx.target(), List.of(), "")
                .header("Origin", Discovery.origin(ctx.target()))
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version"));
        if (!preflight.received()) {
            rec.untestable(PREFLIGHT, "no response: " + preflight.transportError().orElse("?"), List.of(preflight));
        } else {
            rec.verdict(PREFLIGHT, preflight.is2xx(), "the preflight answered " + preflight.summary(), details(),
                    List.of(preflight));
        }
        Prm prm = ctx.prm();
        if (prm.location().isEmpty()) {
            rec.untestable(PRM_CORS, "no PRM document was found", prm.fetches());
            return;
        }
        URI location = prm.location().get();
        Response r = ctx.send(Request.get(location).header("Accept", "application/json").header("Origin", CLIENT_ORIGIN));
        rec.verdict(PRM_CORS, r.status() == 200 && r.header("Access-Control-Allow-Origin").isPresent(),
                "GET " + location + " with Origin " + CLIENT_ORIGIN + " answered " + r.status()
                        + " without Access-Control-Allow-Origin", details(), List.of(r));
    }
}
