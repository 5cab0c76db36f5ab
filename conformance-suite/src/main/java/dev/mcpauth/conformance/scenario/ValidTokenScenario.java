package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * The positive control: a good token opens a session, lists and calls tools, under any case of
 * the scheme name. Without it every "bad token is refused" check would be worthless, so those
 * scenarios depend on the same acceptance fact.
 */
final class ValidTokenScenario implements Scenario {
    static final CheckSpec INITIALIZE = CheckSpec.of("valid-token-initialize", Level.MUST,
            "A good token opens a session",
            "POST initialize (2026-07-28: server/discover) with Authorization: Bearer <good token> (trusted issuer, "
                    + "aud = target, baseline scope) "
                    + "gets 200 with a JSON-RPC result.",
            List.of("RS-24"), "OAUTH21-5.1.1", "RFC6750-2.1", "MCP-authorization#token-requirements");
    static final CheckSpec TOOLS_LIST = CheckSpec.of("valid-token-tools-list", Level.MUST,
            "tools/list works with a good token",
            "tools/list in that session, with the same token, gets 200 with a JSON-RPC result listing tools.",
            List.of("RS-24"), "MCP-authorization#token-requirements");
    static final CheckSpec TOOLS_CALL = CheckSpec.of("valid-token-tools-call", Level.MUST,
            "tools/call works with a good token",
            "tools/call on a tool the baseline scope covers gets 200 with a JSON-RPC response (the tool's own "
                    + "errors are not auth failures).",
            List.of("RS-24"), "MCP-authorization#token-requirements");
    static final CheckSpec LOWERCASE = CheckSpec.of("valid-token-lowercase-bearer", Level.MUST,
            "The scheme \"bearer\" is accepted",
            "Authorization: bearer <good token> gets 200: scheme names are case-insensitive.",
            List.of("RS-25"), "RFC9110-11.1", "OAUTH21-5.1.1");
    static final CheckSpec UPPERCASE = CheckSpec.of("valid-token-uppercase-bearer", Level.MUST,
            "The scheme \"BEARER\" is accepted",
            "Authorization: BEARER <good token> gets 200.",
            List.of("RS-25"), "RFC9110-11.1", "OAUTH21-5.1.1");
    static final CheckSpec SPACES = CheckSpec.of("valid-token-extra-spaces", Level.MAY,
            "Several spaces after Bearer are accepted",
            "Authorization: Bearer  <good token> (two spaces) matches 1*SP in RFC 6750 §2.1 and should get 200; a "
                    + "refusal is noted.",
            List.of("RS-31"), "RFC6750-2.1");
    static final CheckSpec GET = CheckSpec.of("valid-token-get", Level.MUST,
            "GET with a good token is not refused",
            "GET (the SSE stream) with a good token and the session id gets 200, or 405 if no stream is offered; "
                    + "never 401 or 403.",
            List.of("RS-24"), "MCP-transports");
    static final CheckSpec DELETE = CheckSpec.of("valid-token-delete", Level.MUST,
            "DELETE with a good token is not refused",
            "DELETE of a session with a good token gets 2xx, or 405 if the server does not allow it; never 401 or 403.",
            List.of("RS-24"), "MCP-transports");

    @Override
    public String id() {
        return "valid-token";
    }

    @Override
    public String title() {
        return "Valid token (positive control): initialize, tools/list, tools/call, any scheme case";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(INITIALIZE, TOOLS_LIST, TOOLS_CALL, LOWERCASE, UPPERCASE, SPACES, GET, DELETE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Acceptance a = ctx.facts().acceptance();
        if (!a.accepted()) {
            List<Response> seen = a.session().map(McpSession::responses).orElse(List.of());
            if (a.targetAtFault()) {
                rec.violated(INITIALIZE, a.problem().orElse(""), details(), seen);
                rec.untestableRest("no session: the good token was refused");
            } else {
                rec.untestableRest(a.problem().orElse("no good token"));
            }
            return;
        }
        String token = a.token().get();
        McpSession session = a.session().orElseThrow();
        rec.pass(INITIALIZE, details("sessionId", session.sessionId().isPresent(),
                "protocolVersion", session.protocolVersion()), session.responses());
        McpClient mcp = ctx.target().mcp();
        Response list = mcp.send(mcp.toolsList(session).bearer(token));
        List<JsonObject> tools = PrivilegedDiscovery.tools(list);
        rec.verdict(TOOLS_LIST, McpClient.hasResult(list), "tools/list with a good token answered " + list.summary(),
                details("tools", tools.size()), List.of(list));
        toolsCall(ctx, rec, session, token, tools, list);
        scheme(ctx, rec, LOWERCASE, "bearer " + token);
        scheme(ctx, rec, UPPERCASE, "BEARER " + token);
        scheme(ctx, rec, SPACES, "Bearer  " + token);
        getAndDelete(ctx, rec, token);
    }

    /**
     * Calls tools the baseline scope should cover (hinted ones first) until one answers with
     * something other than 403: a 403 there means the tool needs more scope, not that the good
     * token failed.
     */
    private static void toolsCall(ScenarioContext ctx, CheckRecorder rec, McpSession session, String token,
                                  List<JsonObject> tools, Response list) {
        List<String> candidates = PrivilegedDiscovery.callable(ctx, tools);
        McpClient mcp = ctx.target().mcp();
        List<Response> forbidden = new ArrayList<>();
        for (String tool : candidates.subList(0, Math.min(PrivilegedDiscovery.MAX_TOOLS_TRIED, candidates.size()))) {
            Response call = mcp.send(mcp.toolsCall(session, tool).bearer(token));
            if (call.status() == 403) {
                forbidden.add(call);
                continue;
            }
            rec.verdict(TOOLS_CALL, call.status() == 200 && McpClient.message(call).isPresent(),
                    "tools/call " + tool + " with a good token answered " + call.summary(),
                    details("tool", tool), List.of(call));
            return;
        }
        List<Response> seen = new ArrayList<>(List.of(list));
        seen.addAll(forbidden);
        rec.untestable(TOOLS_CALL, tools.isEmpty() ? "the target lists no tools"
                : candidates.isEmpty() ? "none of the " + tools.size() + " listed tools may be called: "
                + ToolSafety.WHY_NOT + ", and --privileged-tool is kept for the insufficient-scope checks"
                : "every tool tried answered 403 to the baseline scope \"" + ctx.facts().baselineScope() + "\"", seen);
    }

    private static void scheme(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, String authorization) {
        Response r = ctx.target().probeWith(authorization);
        rec.verdict(spec, r.status() == 200, "expected 200; got " + r.summary(), details(), List.of(r));
    }

    private static void getAndDelete(ScenarioContext ctx, CheckRecorder rec, String token) {
        McpSession own = ctx.target().mcp().open("Bearer " + token);
        if (!own.established()) {
            rec.untestable(GET, "a second session could not be opened: " + own.initialize().summary(), own.responses());
            rec.untestable(DELETE, "a second session could not be opened: " + own.initialize().summary(), own.responses());
            return;
        }
        Request base = new Request("GET", ctx.target().url(), List.of(), "").bearer(token)
                .header("MCP-Protocol-Version", own.protocolVersion());
        if (own.sessionId().isPresent()) {
            base = base.header("Mcp-Session-Id", own.sessionId().get());
        }
        Response get = ctx.target().send(base.header("Accept", "text/event-stream"));
        rec.verdict(GET, get.status() == 200 || get.status() == 405, "expected 200 or 405; got " + get.summary(),
                details(), List.of(get));
        Response delete = ctx.target().send(base.withMethod("DELETE", ""));
        rec.verdict(DELETE, delete.is2xx() || delete.status() == 405, "expected 2xx or 405; got " + delete.summary(),
                details(), List.of(delete));
    }
}
