package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.token.Minted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Scope challenges beyond tools (SEP-2350, MCP 2026-07-28): {@code resources/read} and
 * {@code prompts/get} of an item that needs more than the low-scope token holds get 403, and for
 * tools, resources and prompts alike the one challenge names every scope the operation needs, so
 * that a single step-up suffices. Which item needs more is learned from the list's {@code _meta}
 * scopes; resources and prompts that declare none are read to find one (reads change nothing).
 */
final class ScopeChallengeScenario implements Scenario {
    private static final String COMPLETE_TEXT = " with too little scope gets a 403 whose one Bearer challenge carries "
            + "error=\"insufficient_scope\" and a scope naming every scope the operation needs: each scope the item "
            + "declares in _meta is named (or held by the token), and a token minted with the challenged scopes (plus the "
            + "baseline from 2026-07-28, as a client computes the union) succeeds. A second 403 after that step-up is a "
            + "WARNING under 2025-11-25 and a FAILURE under 2026-07-28 (SEP-2350: every needed scope in one challenge).";
    static final CheckSpec TOOL_COMPLETE = complete("tool", "tools/call of a tool");
    static final CheckSpec RESOURCE_403 = forbidden("resource", "resources/read");
    static final CheckSpec RESOURCE_COMPLETE = complete("resource", "resources/read of a resource");
    static final CheckSpec PROMPT_403 = forbidden("prompt", "prompts/get");
    static final CheckSpec PROMPT_COMPLETE = complete("prompt", "prompts/get of a prompt");
    static final int MAX_TRIED = 8;

    private static CheckSpec forbidden(String noun, String method) {
        return CheckSpec.of("scope-challenge-" + noun + "-403", Level.MUST, method + " without the " + noun
                        + "'s scope gets 403",
                method + " of a " + noun + " that needs more than the low-scope token holds gets 403 Forbidden, as "
                        + "tools/call does (MCP error table; RFC 6750 §3.1). Not applicable when the target lists no "
                        + noun + " that needs more than the baseline scope.",
                List.of("RS-62"), "MCP-authorization#error-handling", "RFC6750-3.1");
    }

    private static CheckSpec complete(String noun, String what) {
        return CheckSpec.of("scope-challenge-" + noun + "-every-scope", Level.SHOULD,
                "A " + noun + "'s 403 names every scope it needs", what + COMPLETE_TEXT,
                noun.equals("tool") ? List.of("RS-64") : List.of("RS-63", "RS-64"),
                "MCP-authorization#scope-challenge-handling").from1125().in2607(Level.MUST);
    }

    @Override
    public String id() {
        return "scope-challenge";
    }

    @Override
    public String title() {
        return "Scope challenges for tools, resources and prompts: one 403 names every needed scope";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(TOOL_COMPLETE, RESOURCE_403, RESOURCE_COMPLETE, PROMPT_403, PROMPT_COMPLETE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Minted low = ctx.lowScopeToken();
        if (!low.available()) {
            rec.untestableRest(low.unavailable());
            return;
        }
        McpSession session = ctx.target().mcp().open("Bearer " + low.get());
        if (!session.established()) {
            rec.untestableRest("a session could not be opened with the low-scope token: " + session.initialize().summary(),
                    session.responses());
            return;
        }
        judge(ctx, rec, session, low.get(), ScopedOperation.TOOL, Optional.empty(), TOOL_COMPLETE);
        judge(ctx, rec, session, low.get(), ScopedOperation.RESOURCE, Optional.of(RESOURCE_403), RESOURCE_COMPLETE);
        judge(ctx, rec, session, low.get(), ScopedOperation.PROMPT, Optional.of(PROMPT_403), PROMPT_COMPLETE);
    }

    private static void judge(ScenarioContext ctx, CheckRecorder rec, McpSession session, String low, ScopedOperation op,
                              Optional<CheckSpec> status, CheckSpec complete) {
        ScopedTarget found = ScopedTarget.find(ctx, session, low, op, MAX_TRIED);
        if (found.item().isEmpty()) {
            // Most servers' tools need more scope somewhere but declare it nowhere: untestable, as for the other
            // insufficient-scope checks. A server without a resource or prompt beyond the baseline has nothing to judge.
            String why = op.undeclaredOk() ? "not applicable: " + found.why() : found.why() + ". Name a tool that needs "
                    + "more scope with --tool NAME=SCOPE";
            status.ifPresent(s -> rec.status(s, Status.SKIPPED, why, details(), found.trail()));
            if (!rec.applies(complete)) {
                return;
            }
            if (op.undeclaredOk()) {
                rec.status(complete, Status.SKIPPED, why, details(), found.trail());
            } else {
                rec.untestable(complete, why, found.trail());
            }
            return;
        }
        String item = found.item().get();
        Response first = found.answer().orElseThrow();
        List<Response> seen = new ArrayList<>(found.trail());
        String call = op.callMethod() + " " + item;
        status.ifPresent(s -> rec.verdict(s, first.status() == 403, call + " with " + ctx.lowScopeDescription()
                + " expected 403; got " + first.summary(), details(op.noun(), item), seen));
        if (!rec.applies(complete)) {
            return;
        }
        if (first.status() != 403) {
            rec.untestable(complete, call + " answered " + first.summary() + ", not a 403 challenge to judge", seen);
            return;
        }
        Optional<Challenge> bearer = first.challenges().bearer();
        Optional<String> error = bearer.flatMap(c -> c.value("error"));
        Optional<String> scope = bearer.flatMap(c -> c.value("scope")).filter(s -> !s.isBlank());
        if (!error.equals(Optional.of("insufficient_scope")) || scope.isEmpty()) {
            rec.violated(complete, call + ": the 403 challenge lacks error=\"insufficient_scope\" or a scope: "
                    + first.summary(), details(op.noun(), item), seen);
            return;
        }
        Set<String> named = PrivilegedDiscovery.scopes(scope.get());
        Set<String> held = PrivilegedDiscovery.scopes(ctx.facts().baselineScope());
        List<String> missing = found.declared().stream().filter(s -> !named.contains(s) && !held.contains(s)).toList();
        if (!missing.isEmpty()) {
            rec.violated(complete, call + ": the challenge names \"" + scope.get() + "\" but the " + op.noun()
                    + " declares " + found.declared() + "; not named: " + missing,
                    details(op.noun(), item, "scope", scope.get(), "missing", missing), seen);
            return;
        }
        String stepUp = ctx.target().is2607() ? InsufficientScopeScenario.union(ctx.facts().baselineScope(), scope.get())
                : scope.get();
        Minted upgraded = ctx.tokens().withScopes(stepUp);
        if (!upgraded.available()) {
            rec.untestable(complete, upgraded.unavailable(), seen);
            return;
        }
        McpClient mcp = ctx.target().mcp();
        Response retry = mcp.send(mcp.request(session, op.callMethod(), op.params(item)).bearer(upgraded.get()));
        seen.add(retry);
        rec.verdict(complete, retry.status() == 200 && McpClient.message(retry).isPresent(),
                call + " with a token for the challenged \"" + stepUp + "\" answered " + retry.summary()
                        + ": the first challenge did not name every scope the operation needs",
                details(op.noun(), item, "scope", scope.get()), seen);
    }
}
