package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.ToolHints;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An item (tool, resource, prompt) the low-scope token may not use, and the answer it got. Items
 * that declare scopes beyond the baseline come first, and the first of them is judged whatever
 * it answers; for reads, items that declare nothing are tried next until one answers 403.
 *
 * @param item     its name or URI
 * @param declared the scopes it declares (empty when it declares none)
 * @param answer   the answer to the call with the low-scope token
 * @param trail    every request made while looking, the answer last
 * @param why      why there is none, when there is none
 */
record ScopedTarget(Optional<String> item, List<String> declared, Optional<Response> answer, List<Response> trail,
                    String why) {

    static ScopedTarget find(ScenarioContext ctx, McpSession session, String low, ScopedOperation op, int maxTried) {
        McpClient mcp = ctx.target().mcp();
        Response list = mcp.send(mcp.request(session, op.listMethod(), JsonValue.EMPTY_JSON_OBJECT).bearer(low));
        List<Response> trail = new ArrayList<>(List.of(list));
        Set<String> baseline = PrivilegedDiscovery.scopes(ctx.facts().baselineScope());
        ToolHints hints = ctx.target().options().extras().toolHints();
        List<JsonObject> declaredBeyond = new ArrayList<>();
        List<JsonObject> undeclared = new ArrayList<>();
        for (JsonObject item : op.items(list)) {
            Optional<List<String>> declared = op.declaredScopes(item, hints);
            if (op.id(item).isEmpty()) {
                continue;
            }
            if (declared.isPresent() && !baseline.containsAll(declared.get())) {
                declaredBeyond.add(item);
            } else if (declared.isEmpty() && op.undeclaredOk()) {
                undeclared.add(item);
            }
        }
        List<JsonObject> candidates = new ArrayList<>(declaredBeyond);
        candidates.addAll(undeclared);
        for (JsonObject item : candidates.subList(0, Math.min(maxTried, candidates.size()))) {
            String id = op.id(item).orElseThrow();
            Response answer = mcp.send(mcp.request(session, op.callMethod(), op.params(id)).bearer(low));
            trail.add(answer);
            if (answer.status() == 403 || declaredBeyond.contains(item)) {
                List<String> declared = op.declaredScopes(item, hints).orElse(List.of());
                return new ScopedTarget(Optional.of(id), declared, Optional.of(answer), trail, "");
            }
        }
        String listed = list.status() == 200 && McpClient.hasResult(list)
                ? op.items(list).size() + " " + op.noun() + "s listed" : op.listMethod() + " answered " + list.summary();
        return new ScopedTarget(Optional.empty(), List.of(), Optional.empty(), trail, "no " + op.noun()
                + " needs more than the baseline scope \"" + ctx.facts().baselineScope() + "\" (" + listed
                + (op.undeclaredOk() ? "; none declares more in _meta and none tried answered 403" + " to "
                + ctx.lowScopeDescription() : "; none declares more in _meta or by --tool NAME=SCOPE") + ")");
    }
}
