package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * An expired token, otherwise good: 401 invalid_token with a Bearer challenge, also just past
 * any leeway, never a tool result; a token expired by seconds shows the leeway.
 */
final class ExpiredTokenScenario implements Scenario {
    static final CheckSpec STATUS = CheckSpec.of("expired-token-status-401", Level.MUST,
            "An expired token gets 401",
            "A token signed by the trusted issuer for this resource, with exp 10 minutes in the past, gets 401.",
            List.of("RS-32"), "MCP-authorization#token-handling", "OAUTH21-5.2", "RFC9068-4", "RFC7519-4.1.4");
    static final CheckSpec ERROR = CheckSpec.of("expired-token-error-invalid-token", Level.SHOULD,
            "The rejection says invalid_token",
            "The 401 carries a Bearer challenge with error=\"invalid_token\" (RFC 6750 §3: a request that carried a "
                    + "token and failed SHOULD include the error).",
            List.of("RS-32"), "RFC6750-3.1", "OAUTH21-5.3.2");
    static final CheckSpec CHALLENGE = CheckSpec.of("expired-token-bearer-challenge", Level.MUST,
            "The 401 carries a Bearer challenge",
            "WWW-Authenticate is present, parses strictly, and holds a Bearer challenge with auth-params.",
            List.of("RS-18"), "RFC6750-3", "RFC9110-11.6.1");
    static final CheckSpec LEEWAY = CheckSpec.of("expired-token-beyond-leeway", Level.MUST,
            "Expired beyond a few minutes gets 401",
            "exp 6 minutes in the past gets 401: a small leeway is allowed, but the suite's policy is that no "
                    + "leeway exceeds 5 minutes (docs/rs-checklist.md, policy P-05).",
            List.of("RS-37"), "RFC9068-4", "RFC7519-4.1.4");
    static final CheckSpec WITHIN = CheckSpec.of("expired-token-within-leeway", Level.MAY,
            "Expired by 30 seconds shows the leeway",
            "exp 30 seconds in the past: a small clock-skew leeway MAY accept it (RFC 7519 §4.1.4). Acceptance passes, "
                    + "a refusal is noted (INFO: no leeway, so clients with a slightly skewed clock see sporadic 401s); "
                    + "details.accepted records the outcome.",
            List.of("RS-37"), "RFC7519-4.1.4", "RFC9068-4");
    static final CheckSpec NO_DATA = CheckSpec.of("expired-token-no-tool-result", Level.MUST,
            "A refused tool call returns no data",
            "tools/call of a tool the baseline scope covers, in an open session, with an expired token gets 401 and "
                    + "no JSON-RPC result: the token is validated before anything runs. Side effects a server might "
                    + "still cause are not observable over HTTP (grey box); this checks the data half of the rule.",
            List.of("RS-34", "RS-32"), "MCP-authorization#access-token-privilege-restriction",
            "MCP-authorization#token-handling");

    @Override
    public String id() {
        return "expired-token";
    }

    @Override
    public String title() {
        return "Expired token: 401 invalid_token, no data, a small leeway at most";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(STATUS, ERROR, CHALLENGE, LEEWAY, WITHIN, NO_DATA);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<Response> r = Verdicts.rejectMutation(ctx, rec, STATUS, TokenMutation.EXPIRED, Verdicts.ONLY_401);
        Verdicts.errorCode(rec, ERROR, r, "invalid_token");
        if (r.isPresent()) {
            Verdicts.bearerChallenge(rec, CHALLENGE, r.get());
        } else if (!rec.recorded(CHALLENGE)) {
            rec.untestable(CHALLENGE, ctx.mutated(TokenMutation.EXPIRED).unavailable(), List.of());
        }
        Verdicts.rejectMutation(ctx, rec, LEEWAY, TokenMutation.EXPIRED_BEYOND_LEEWAY, Verdicts.ONLY_401);
        Verdicts.acceptanceNoted(ctx, rec, WITHIN, TokenMutation.EXPIRED_WITHIN_LEEWAY);
        noData(ctx, rec);
    }

    private static void noData(ScenarioContext ctx, CheckRecorder rec) {
        Minted expired = ctx.mutated(TokenMutation.EXPIRED);
        if (!expired.available()) {
            rec.untestable(NO_DATA, expired.unavailable(), List.of());
            return;
        }
        McpSession session = ctx.facts().acceptance().session().orElseThrow();
        McpClient mcp = ctx.target().mcp();
        Response list = mcp.send(mcp.toolsList(session).bearer(ctx.facts().baselineToken().get()));
        List<String> tools = PrivilegedDiscovery.callable(ctx, PrivilegedDiscovery.tools(list));
        if (tools.isEmpty()) {
            rec.untestable(NO_DATA, "no tool the suite may call (" + ToolSafety.WHY_NOT + "): tools/list answered " + list.summary(), List.of(list));
            return;
        }
        Response call = mcp.send(mcp.toolsCall(session, tools.get(0)).bearer(expired.get()));
        if (!call.received()) {
            rec.untestable(NO_DATA, "no response: " + call.transportError().orElse("?"), List.of(call));
            return;
        }
        boolean result = McpClient.message(call).map(m -> m.containsKey("result")).orElse(false);
        rec.verdict(NO_DATA, call.status() == 401 && !result, "tools/call " + tools.get(0) + " with an expired token "
                + "answered " + Verdicts.describe(call) + (result ? " carrying a JSON-RPC result" : ""),
                details("tool", tools.get(0), "result", result), List.of(call));
    }
}
