package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;

import java.util.List;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** Transport rules that hold even with a good token: Origin validation and the protocol version header. */
final class TransportSecurityScenario implements Scenario {
    static final CheckSpec ORIGIN = CheckSpec.of("transport-security-bad-origin", Level.MUST,
            "A foreign Origin is refused",
            "initialize with a good token and Origin: https://evil.test gets 403 from 2025-11-25 (PR #1439); in "
                    + "2025-06-18, which names no status, anything but 2xx.",
            List.of("RS-67"), "MCP-transports#security-warning");
    static final CheckSpec ORIGIN_NO_TOKEN = CheckSpec.of("transport-security-bad-origin-no-token", Level.MUST,
            "A foreign Origin without a token is refused",
            "initialize without a token and with Origin: https://evil.test gets 403 or 401 from 2025-11-25 (which "
                    + "check runs first is not specified, docs/rs-checklist.md, policy P-03); in 2025-06-18 anything but 2xx.",
            List.of("RS-67"), "MCP-transports#security-warning");
    static final CheckSpec VERSION = CheckSpec.of("transport-security-bad-protocol-version", Level.MUST,
            "An unsupported MCP-Protocol-Version gets 400",
            "tools/list with a good token, in a session, with MCP-Protocol-Version: 1999-01-01 gets 400.",
            List.of("RS-68"), "MCP-transports#protocol-version-header");

    static final String EVIL_ORIGIN = "https://evil.test";

    @Override
    public String id() {
        return "transport-security";
    }

    @Override
    public String title() {
        return "Transport: Origin validation and protocol version with a good token";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(ORIGIN, ORIGIN_NO_TOKEN, VERSION);
    }

    private static void anonymous(ScenarioContext ctx, CheckRecorder rec) {
        Response anonymous = ctx.target().mcp().send(ctx.target().mcp().probeRequest().header("Origin", EVIL_ORIGIN));
        if (!anonymous.received()) {
            rec.untestable(ORIGIN_NO_TOKEN, "no response: " + anonymous.transportError().orElse("?"), List.of(anonymous));
        } else if (ctx.target().is0618()) {
            rec.verdict(ORIGIN_NO_TOKEN, !anonymous.is2xx(), "a request from Origin " + EVIL_ORIGIN + " was served: "
                    + anonymous.summary(), details(), List.of(anonymous));
        } else {
            rec.verdict(ORIGIN_NO_TOKEN, anonymous.status() == 403 || anonymous.status() == 401, "expected 403 or 401 "
                    + "for Origin " + EVIL_ORIGIN + " without a token; got " + anonymous.summary(), details(),
                    List.of(anonymous));
        }
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        anonymous(ctx, rec);
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String token = ctx.facts().baselineToken().get();
        McpClient mcp = ctx.target().mcp();
        Response origin = mcp.send(mcp.probeRequest().bearer(token).header("Origin", EVIL_ORIGIN));
        if (!origin.received()) {
            rec.untestable(ORIGIN, "no response: " + origin.transportError().orElse("?"), List.of(origin));
        } else if (ctx.target().is0618()) {
            rec.verdict(ORIGIN, !origin.is2xx(), "a request from Origin " + EVIL_ORIGIN + " was served: "
                    + origin.summary(), details(), List.of(origin));
        } else {
            rec.verdict(ORIGIN, origin.status() == 403, "expected 403 for Origin " + EVIL_ORIGIN + "; got "
                    + origin.summary(), details(), List.of(origin));
        }
        McpSession session = ctx.facts().acceptance().session().orElseThrow();
        Response version = mcp.send(mcp.toolsList(session).without("MCP-Protocol-Version").bearer(token)
                .header("MCP-Protocol-Version", "1999-01-01"));
        Verdicts.rejected(rec, VERSION, version, java.util.Set.of(400), "MCP-Protocol-Version: 1999-01-01");
    }
}
