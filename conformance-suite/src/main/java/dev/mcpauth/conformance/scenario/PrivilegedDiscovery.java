package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds an operation the low-scope token may not perform, so insufficient-scope checks have
 * something to call: {@code tools/list} with that token, then {@code tools/call} on candidate
 * tools until one answers 403. Tools whose {@code _meta} names required scopes beyond the
 * baseline (any key ending in {@code requiredScopes} or {@code scopes}, e.g.
 * {@code dev.mcpauth/requiredScopes}) are tried first. Options override both the tool and the
 * scope.
 */
final class PrivilegedDiscovery {
    static final int MAX_TOOLS_TRIED = 8;

    private PrivilegedDiscovery() {
    }

    static ScenarioContext.Privileged discover(ScenarioContext ctx) {
        Minted low = ctx.lowScopeToken();
        if (!low.available()) {
            return problem(List.of(), Optional.empty(), low.unavailable());
        }
        McpClient mcp = ctx.mcp();
        McpSession session = mcp.open("Bearer " + low.get());
        List<Response> trail = new ArrayList<>(session.responses());
        if (!session.established()) {
            return problem(trail, Optional.empty(), "a session could not be opened with the low-scope token: initialize "
                    + "answered " + session.initialize().summary());
        }
        Set<String> baseline = scopes(ctx.baselineScope());
        Map<String, List<String>> hints = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        if (ctx.options().privilegedTool().isPresent()) {
            candidates.add(ctx.options().privilegedTool().get());
        } else {
            Response list = mcp.send(mcp.toolsList(session).bearer(low.get()));
            trail.add(list);
            for (JsonObject tool : tools(list)) {
                String name = JsonValues.string(tool, "name").orElse("");
                if (!name.isEmpty()) {
                    hints.put(name, hintedScopes(tool));
                }
            }
            hints.forEach((name, scopes) -> {
                if (!scopes.isEmpty() && !baseline.containsAll(scopes)) {
                    candidates.add(name);
                }
            });
            hints.keySet().stream().filter(n -> !candidates.contains(n)).forEach(candidates::add);
        }
        Optional<String> firstHinted = candidates.stream()
                .filter(n -> hints.getOrDefault(n, List.of()).stream().anyMatch(s -> !baseline.contains(s)))
                .findFirst();
        for (String tool : candidates.subList(0, Math.min(MAX_TOOLS_TRIED, candidates.size()))) {
            Response call = mcp.send(mcp.toolsCall(session, tool).bearer(low.get()));
            trail.add(call);
            if (call.status() == 403) {
                Optional<String> challenged = call.challenges().bearer().flatMap(c -> c.value("scope"))
                        .filter(s -> !s.isBlank());
                Optional<String> scope = ctx.options().privilegedScope().or(() -> challenged)
                        .or(() -> joinedHint(hints, tool, baseline));
                return new ScenarioContext.Privileged(Optional.of(tool), scope, Optional.of(session), trail,
                        Optional.empty());
            }
        }
        Optional<String> fallback = ctx.options().privilegedTool().or(() -> firstHinted);
        if (fallback.isPresent()) {
            // Named (by option or by the tool's own metadata) but not answered with 403: the
            // scenario calls it again and reports the status it gets.
            Optional<String> scope = ctx.options().privilegedScope().or(() -> joinedHint(hints, fallback.get(), baseline));
            return new ScenarioContext.Privileged(fallback, scope, Optional.of(session), trail, Optional.empty());
        }
        return problem(trail, Optional.of(session), "no tool answered 403 to a token with only the baseline scope \""
                + ctx.baselineScope() + "\" (tried " + Math.min(MAX_TOOLS_TRIED, candidates.size()) + " of "
                + candidates.size() + "); name one with --privileged-tool and --privileged-scope");
    }

    private static ScenarioContext.Privileged problem(List<Response> trail, Optional<McpSession> session, String why) {
        return new ScenarioContext.Privileged(Optional.empty(), Optional.empty(), session, trail, Optional.of(why));
    }

    /** Tools the baseline scope should cover: those whose hint it satisfies, then those without a hint. */
    static List<String> callable(ScenarioContext ctx, List<JsonObject> tools) {
        Set<String> baseline = scopes(ctx.baselineScope());
        List<String> hintedOk = new ArrayList<>();
        List<String> unhinted = new ArrayList<>();
        for (JsonObject t : tools) {
            String name = JsonValues.string(t, "name").orElse("");
            List<String> hint = hintedScopes(t);
            if (name.isEmpty() || ctx.options().privilegedTool().map(name::equals).orElse(false)) {
                continue;
            }
            if (hint.isEmpty()) {
                unhinted.add(name);
            } else if (baseline.containsAll(hint)) {
                hintedOk.add(name);
            }
        }
        hintedOk.addAll(unhinted);
        return hintedOk;
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

    static List<String> hintedScopes(JsonObject tool) {
        JsonValue meta = tool.get("_meta");
        if (meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        meta.asJsonObject().forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT);
            if (k.endsWith("requiredscopes") || k.endsWith("scopes")) {
                if (value instanceof JsonString s) {
                    out.addAll(scopes(s.getString()));
                } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                    value.asJsonArray().stream().filter(v -> v instanceof JsonString)
                            .map(v -> ((JsonString) v).getString()).forEach(out::add);
                }
            }
        });
        return out;
    }
}
