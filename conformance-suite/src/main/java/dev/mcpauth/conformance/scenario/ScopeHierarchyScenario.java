package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * 2026-07-28: servers MUST account for scope hierarchies. A token holding only a broader scope
 * (by default the one {@code scopes_supported} entry whose last segment is {@code admin}, or
 * {@code --broader-scope}) calls a tool the baseline scope covers, and must succeed.
 */
final class ScopeHierarchyScenario implements Scenario {
    static final CheckSpec BROADER = CheckSpec.of("scope-hierarchy-broader-scope-suffices", Level.MUST,
            "A broader scope covers what it implies",
            "A token with only the broader scope (--broader-scope, else the single scopes_supported entry whose last "
                    + "segment after ':', '.' or '/' is admin) calls a tool the baseline scope covers and gets 200 with a "
                    + "JSON-RPC result: servers MUST account for scope hierarchies (2026-07-28, Step-Up Authorization "
                    + "Flow). Which scope is broader is the server's definition, so without either the check is "
                    + "untestable.",
            List.of("RS-65"), "MCP-authorization#step-up-authorization-flow").from2607();

    @Override
    public String id() {
        return "scope-hierarchy";
    }

    @Override
    public String title() {
        return "Scope hierarchy (2026-07-28): a broader scope implies the narrower ones";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(BROADER);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (!rec.applies(BROADER)) {
            return;
        }
        Optional<String> gate = ctx.facts().tokenGate();
        if (gate.isPresent()) {
            rec.untestable(BROADER, gate.get(), List.of());
            return;
        }
        Optional<String> broad = ctx.target().options().extras().broaderScope().or(() -> learned(ctx));
        if (broad.isEmpty()) {
            rec.untestable(BROADER, "no broader scope known: scopes_supported has no single *admin scope; pass "
                    + "--broader-scope", ctx.facts().prm().fetches());
            return;
        }
        Minted token = ctx.tokens().withScopes(broad.get());
        if (!token.available()) {
            rec.untestable(BROADER, token.unavailable(), List.of());
            return;
        }
        callWith(ctx, rec, broad.get(), token);
    }

    private static void callWith(ScenarioContext ctx, CheckRecorder rec, String broad, Minted token) {
        McpClient mcp = ctx.target().mcp();
        McpSession session = ctx.facts().acceptance().session().orElseThrow();
        Response list = mcp.send(mcp.toolsList(session).bearer(ctx.facts().baselineToken().get()));
        List<String> tools = PrivilegedDiscovery.callable(ctx, PrivilegedDiscovery.tools(list));
        if (tools.isEmpty()) {
            rec.untestable(BROADER, "no tool the baseline scope covers that the suite may call (" + ToolSafety.WHY_NOT
                    + "): tools/list answered " + list.summary(),
                    List.of(list));
            return;
        }
        Response call = mcp.send(mcp.toolsCall(session, tools.get(0)).bearer(token.get()));
        rec.verdict(BROADER, call.status() == 200 && McpClient.message(call).isPresent(), "tools/call " + tools.get(0)
                + " (baseline scope \"" + ctx.facts().baselineScope() + "\") with a token holding only \"" + broad
                + "\" answered " + Verdicts.describe(call), details("broaderScope", broad, "tool", tools.get(0)),
                List.of(call));
    }

    /** The one scopes_supported entry whose last segment is "admin", if there is exactly one. */
    static Optional<String> learned(ScenarioContext ctx) {
        List<String> admins = ctx.facts().prm().document().flatMap(d -> JsonValues.strings(d, "scopes_supported"))
                .orElse(List.of()).stream()
                .filter(s -> {
                    String[] parts = s.toLowerCase(Locale.ROOT).split("[:./]");
                    return parts.length > 0 && parts[parts.length - 1].equals("admin");
                }).toList();
        return admins.size() == 1 ? Optional.of(admins.get(0)) : Optional.empty();
    }
}
