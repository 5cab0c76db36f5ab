package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.ToolHints;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds an operation the low-scope token may not perform, so insufficient-scope checks have
 * something to call: {@code tools/list} with that token, then {@code tools/call} on the tools
 * {@link ToolSafety} allows (the operator's {@code --privileged-tool} alone when given; else
 * tools that declare scopes beyond the baseline, then read-only ones) until one answers 403.
 * Every request made while looking is kept in the trail, which the checks report.
 */
final class PrivilegedDiscovery {
    static final int MAX_TOOLS_TRIED = 8;

    private PrivilegedDiscovery() {
    }

    static Privileged discover(Target target, TokenSource tokens, String baselineScope) {
        Minted low = tokens.lowScope(baselineScope);
        if (!low.available()) {
            return problem(List.of(), Optional.empty(), low.unavailable());
        }
        McpClient mcp = target.mcp();
        McpSession session = mcp.open("Bearer " + low.get());
        List<Response> trail = new ArrayList<>(session.responses());
        if (!session.established()) {
            return problem(trail, Optional.empty(), "a session could not be opened with the low-scope token: initialize "
                    + "answered " + session.initialize().summary());
        }
        Set<String> baseline = scopes(baselineScope);
        ToolHints toolHints = target.options().extras().toolHints();
        Map<String, List<String>> hints = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        int listed = 0;
        if (target.options().privilegedTool().isPresent()) {
            candidates.add(target.options().privilegedTool().get());
        } else {
            Response list = mcp.send(mcp.toolsList(session).bearer(low.get()));
            trail.add(list);
            List<String> readOnly = new ArrayList<>();
            for (JsonObject tool : tools(list)) {
                String name = JsonValues.string(tool, "name").orElse("");
                if (name.isEmpty()) {
                    continue;
                }
                listed++;
                Optional<List<String>> declared = ToolSafety.declaredScopes(tool, toolHints);
                declared.ifPresent(d -> hints.put(name, d));
                if (declared.isPresent() && !baseline.containsAll(declared.get())) {
                    candidates.add(name);
                } else if (declared.isEmpty() && ToolSafety.readOnly(tool, toolHints)) {
                    readOnly.add(name);
                }
            }
            candidates.addAll(readOnly);
        }
        if (candidates.isEmpty()) {
            return problem(trail, Optional.of(session), (listed == 0 ? "tools/list named no tool" : "none of the "
                    + listed + " tools the target lists qualifies: none declares scopes beyond the baseline \""
                    + baselineScope + "\" and none is annotated read-only") + "; " + ToolSafety.WHY_NOT
                    + ". Name the tools that are safe to call with empty arguments and the scopes they need with --tool "
                    + "NAME=SCOPE (repeatable), or one tool that needs more scope with --privileged-tool and its scope "
                    + "with --privileged-scope");
        }
        Optional<String> firstHinted = candidates.stream()
                .filter(n -> hints.getOrDefault(n, List.of()).stream().anyMatch(s -> !baseline.contains(s)))
                .findFirst();
        List<String> tried = candidates.subList(0, Math.min(MAX_TOOLS_TRIED, candidates.size()));
        for (String tool : tried) {
            Response call = mcp.send(mcp.toolsCall(session, tool).bearer(low.get()));
            trail.add(call);
            if (call.status() == 403) {
                Optional<String> challenged = call.challenges().bearer().flatMap(c -> c.value("scope"))
                        .filter(s -> !s.isBlank());
                Optional<String> scope = target.options().privilegedScope().or(() -> challenged)
                        .or(() -> joinedHint(hints, tool, baseline));
                return new Privileged(Optional.of(tool), scope, Optional.of(session), trail,
                        Optional.empty());
            }
        }
        Optional<String> fallback = target.options().privilegedTool().or(() -> firstHinted);
        if (fallback.isPresent()) {
            // Named (by option or by the tool's own metadata) but not answered with 403: the
            // scenario calls it again and reports the status it gets.
            Optional<String> scope = target.options().privilegedScope().or(() -> joinedHint(hints, fallback.get(), baseline));
            return new Privileged(fallback, scope, Optional.of(session), trail, Optional.empty());
        }
        return problem(trail, Optional.of(session), "no tool answered 403 to " + tokens.lowScopeDescription(baselineScope)
                + " (tried the read-only " + String.join(", ", tried) + "); name a tool that needs more scope with "
                + "--privileged-tool and its scope with --privileged-scope");
    }

    private static Privileged problem(List<Response> trail, Optional<McpSession> session, String why) {
        return new Privileged(Optional.empty(), Optional.empty(), session, trail, Optional.of(why));
    }

    /**
     * Tools the baseline scope should cover and {@link ToolSafety} allows: those whose declared
     * scopes it satisfies, then read-only ones that declare none.
     */
    static List<String> callable(ScenarioContext ctx, List<JsonObject> tools) {
        Set<String> baseline = scopes(ctx.facts().baselineScope());
        ToolHints toolHints = ctx.target().options().extras().toolHints();
        List<String> declaredOk = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (JsonObject t : tools) {
            String name = JsonValues.string(t, "name").orElse("");
            if (name.isEmpty() || ctx.target().options().privilegedTool().map(name::equals).orElse(false)) {
                continue;
            }
            Optional<List<String>> declared = ToolSafety.declaredScopes(t, toolHints);
            if (declared.isPresent() && baseline.containsAll(declared.get())) {
                declaredOk.add(name);
            } else if (declared.isEmpty() && ToolSafety.readOnly(t, toolHints)) {
                readOnly.add(name);
            }
        }
        declaredOk.addAll(readOnly);
        return declaredOk;
    }

    static Set<String> scopes(String scope) {
        return Arrays.stream(scope.trim().split(" +")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static Optional<String> joinedHint(Map<String, List<String>> hints, String tool, Set<String> baseline) {
        List<String> needed = hints.getOrDefault(tool, List.of()).stream().filter(s -> !baseline.contains(s)).toList();
        return needed.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", needed));
    }

    static List<JsonObject> tools(Response toolsList) {
        return McpClient.message(toolsList)
                .map(m -> m.get("result"))
                .filter(r -> r != null && r.getValueType() == JsonValue.ValueType.OBJECT)
                .map(r -> r.asJsonObject().get("tools"))
                .filter(t -> t != null && t.getValueType() == JsonValue.ValueType.ARRAY)
                .map(t -> t.asJsonArray().stream()
                        .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                        .map(JsonValue::asJsonObject).toList())
                .orElse(List.of());
    }
}
