package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * A good token without the scope an operation needs: 403 insufficient_scope naming the scope,
 * the same challenge every time, a successful retry with the challenged scope, and an invalid
 * token still getting 401 first.
 */
final class InsufficientScopeScenario implements Scenario {
    static final CheckSpec STATUS = CheckSpec.of("insufficient-scope-status-403", Level.MUST,
            "Too little scope gets 403",
            "tools/call on a tool that needs more than the token's scopes gets 403 Forbidden (MCP error table; "
                    + "RFC 6750 §3.1).",
            List.of("RS-62"), "MCP-authorization#error-handling", "RFC6750-3.1");
    static final CheckSpec ERROR = CheckSpec.of("insufficient-scope-error", Level.SHOULD,
            "The 403 says insufficient_scope",
            "The 403 carries a Bearer challenge with error=\"insufficient_scope\".",
            List.of("RS-63"), "MCP-authorization#scope-challenge-handling", "RFC6750-3.1");
    static final CheckSpec SCOPE = CheckSpec.of("insufficient-scope-scope-param", Level.SHOULD,
            "The 403 names the scope needed",
            "The 403 challenge carries scope (valid syntax) naming what this operation needs (SHOULD from "
                    + "2025-11-25, SEP-835; a MAY of RFC 6750 in 2025-06-18).",
            List.of("RS-63"), "MCP-authorization#scope-challenge-handling", "RFC6750-3.1").in0618(Level.MAY);
    static final CheckSpec METADATA = CheckSpec.of("insufficient-scope-resource-metadata", Level.SHOULD,
            "The 403 carries resource_metadata",
            "The 403 challenge carries resource_metadata (SHOULD from 2025-11-25).",
            List.of("RS-63"), "MCP-authorization#scope-challenge-handling", "RFC9728-5.1").in0618(Level.MAY);
    static final CheckSpec STEP_UP = CheckSpec.of("insufficient-scope-step-up", Level.SHOULD,
            "A token with the challenged scope succeeds",
            "A token minted with exactly the scopes the 403 named (--privileged-scope only when it names none) makes the same call "
                    + "succeed: the challenge named everything the operation needs. A second 403 is a WARNING under "
                    + "2025-11-25 and a FAILURE under 2026-07-28 (SEP-2350: every scope the operation needs in one "
                    + "challenge), where the token carries the challenged scopes plus the baseline, as a client "
                    + "computes the union. A mismatch with scopes_supported is never judged.",
            List.of("RS-64"), "MCP-authorization#scope-challenge-handling").from1125().in2607(Level.MUST);
    static final CheckSpec CONSISTENT = CheckSpec.of("insufficient-scope-consistent", Level.SHOULD,
            "The same call is challenged the same way",
            "Repeating the call with the same token gets 403 again with the same error and scope.",
            List.of("RS-66"), "MCP-authorization#scope-challenge-handling").from1125();
    static final CheckSpec INVALID_WINS = CheckSpec.of("insufficient-scope-invalid-token-wins", Level.MUST,
            "An expired token gets 401, not 403",
            "The same call with an expired token that also lacks the scope gets 401: an invalid token is refused "
                    + "before scope is considered.",
            List.of("RS-36"), "MCP-authorization#token-handling", "RFC6750-3.1");

    @Override
    public String id() {
        return "insufficient-scope";
    }

    @Override
    public String title() {
        return "Insufficient scope: 403 insufficient_scope, step-up works";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(STATUS, ERROR, SCOPE, METADATA, STEP_UP, CONSISTENT, INVALID_WINS);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Privileged p = ctx.facts().privileged();
        if (p.problem().isPresent()) {
            rec.untestableRest(p.problem().get(), p.trail());
            return;
        }
        String tool = p.tool().orElseThrow();
        McpSession session = p.session().orElseThrow();
        String low = ctx.lowScopeToken().get();
        McpClient mcp = ctx.target().mcp();
        Response first = mcp.send(mcp.toolsCall(session, tool).bearer(low));
        if (!first.received()) {
            rec.untestableRest("no response to tools/call " + tool + ": " + first.transportError().orElse("?"));
            return;
        }
        List<Response> seen = new java.util.ArrayList<>(p.trail());
        seen.add(first);
        rec.verdict(STATUS, first.status() == 403, "tools/call " + tool + " with " + ctx.lowScopeDescription()
                + " expected 403; got " + first.summary() + refusedInBand(first),
                details("tool", tool, "statuses", List.of(first.status())),
                seen);
        Verdicts.errorCode(rec, ERROR, Optional.of(first), "insufficient_scope");
        Optional<Challenge> bearer = first.challenges().bearer();
        Optional<String> scope = bearer.flatMap(c -> c.value("scope"));
        rec.verdict(SCOPE, scope.isPresent() && Verdicts.validScope(scope.get()),
                scope.isEmpty() ? "the 403 challenge has no scope: " + first.summary()
                        : "scope \"" + scope.get() + "\" is not valid scope syntax",
                details("scope", scope.orElse("")), List.of(first));
        rec.verdict(METADATA, bearer.flatMap(c -> c.param("resource_metadata")).isPresent(),
                "the 403 challenge has no resource_metadata: " + first.summary(), details(), List.of(first));
        if (rec.applies(STEP_UP)) {
            // The check judges the challenge, so the scope it named wins over --privileged-scope.
            stepUp(ctx, rec, session, tool, scope.filter(s -> !s.isBlank()).or(p::scope));
        }
        if (rec.applies(CONSISTENT)) {
            Response again = mcp.send(mcp.toolsCall(session, tool).bearer(low));
            Optional<Challenge> b2 = again.challenges().bearer();
            boolean same = again.status() == first.status()
                    && b2.flatMap(c -> c.value("scope")).equals(scope)
                    && b2.flatMap(c -> c.value("error")).equals(bearer.flatMap(c -> c.value("error")));
            rec.verdict(CONSISTENT, same, "first call: " + first.summary() + "; repeated: " + again.summary(),
                    details(), List.of(first, again));
        }
        Minted expired = ctx.mutated(TokenMutation.EXPIRED);
        if (!expired.available()) {
            rec.untestable(INVALID_WINS, expired.unavailable(), List.of());
            return;
        }
        Response r = mcp.send(mcp.toolsCall(session, tool).bearer(expired.get()));
        Verdicts.rejected(rec, INVALID_WINS, r, Verdicts.ONLY_401, "tools/call " + tool
                + " with an expired token lacking the scope");
    }

    static String union(String a, String b) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(PrivilegedDiscovery.scopes(a));
        all.addAll(PrivilegedDiscovery.scopes(b));
        return String.join(" ", all);
    }

    private static void stepUp(ScenarioContext ctx, CheckRecorder rec, McpSession session, String tool,
                               Optional<String> scope) {
        if (scope.isEmpty()) {
            rec.untestable(STEP_UP, "no scope to step up to: the 403 named none and --privileged-scope is not set",
                    List.of());
            return;
        }
        Minted upgraded = ctx.tokens().withScopes(ctx.target().is2607() ? union(ctx.facts().baselineScope(), scope.get()) : scope.get());
        if (!upgraded.available()) {
            rec.untestable(STEP_UP, upgraded.unavailable(), List.of());
            return;
        }
        McpClient mcp = ctx.target().mcp();
        Response r = mcp.send(mcp.toolsCall(session, tool).bearer(upgraded.get()));
        rec.verdict(STEP_UP, r.status() == 200 && McpClient.message(r).isPresent(),
                "tools/call " + tool + " with a token for the challenged \"" + scope.get() + "\" answered " + r.summary(),
                details("scope", scope.get()), List.of(r));
    }
    /**
     * Names a refusal carried inside a 2xx (a JSON-RPC error, or a tool result with isError), so
     * that "got 200" is not read as "the call succeeded": the tool was protected, but not with 403.
     */
    static String refusedInBand(Response r) {
        if (r.status() / 100 != 2) {
            return "";
        }
        Optional<Integer> code = McpClient.errorCode(r);
        if (code.isPresent()) {
            return " (refused in-band instead: JSON-RPC error " + code.get() + ")";
        }
        boolean isError = McpClient.message(r).map(m -> m.get("result"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(v -> v.asJsonObject().getBoolean("isError", false)).orElse(false);
        return isError ? " (refused in-band instead: a tool result with isError: true)" : "";
    }
}
