package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.ToolHints;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a target's tools the suite may call. A conformance tool must not trigger side effects
 * on a server it knows nothing about, so it calls a tool only when:
 * <ol>
 * <li>the operator named it ({@code --tool}, {@code --privileged-tool}, {@code --upstream-tool}); a
 *     {@code --tool NAME=SCOPE,...} hint stands for a scope declaration, a bare {@code --tool NAME} for a
 *     read-only annotation;</li>
 * <li>the target declares the scopes it needs in {@code tools/list}: a {@code _meta} key ending in
 *     {@code requiredScopes} or {@code required_scopes} (e.g. {@code dev.mcpauth/requiredScopes}),
 *     an array of scope strings or one space-separated string. A server that states what each tool
 *     needs expects scope-aware callers: a call with too little scope must be refused before the
 *     tool runs, and a call with enough scope is the use it declared; or</li>
 * <li>the tool is annotated {@code readOnlyHint: true} and neither {@code destructiveHint: true}
 *     nor {@code openWorldHint: true} (MCP tool annotations): it says it changes nothing and
 *     reaches nothing outside the server. Annotations are the server's own claims; a server
 *     that labels a side-effecting tool read-only misleads every client, not only this suite.</li>
 * </ol>
 * Every other tool is never called; the checks that needed one are untestable and say so.
 */
final class ToolSafety {
    /** What an untestable check says when no listed tool qualifies. */
    static final String WHY_NOT = "the suite calls a tool only when --tool or --privileged-tool names it, the "
            + "target declares its scopes in tools/list (_meta key ending in requiredScopes, e.g. dev.mcpauth/requiredScopes) or "
            + "annotates it readOnlyHint: true (without destructiveHint or openWorldHint: true); it never calls a "
            + "third-party tool it knows nothing about";

    private ToolSafety() {
    }

    /** The scopes the tool declares it needs, when it declares any (an empty list is a declaration too). */
    static Optional<List<String>> declaredScopes(JsonObject tool) {
        JsonValue meta = tool.get("_meta");
        if (meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        Optional<List<String>> found = Optional.empty();
        for (var entry : meta.asJsonObject().entrySet()) {
            String k = entry.getKey().toLowerCase(Locale.ROOT);
            if (!k.endsWith("requiredscopes") && !k.endsWith("required_scopes")) {
                continue;
            }
            JsonValue value = entry.getValue();
            List<String> out = new ArrayList<>(found.orElse(List.of()));
            if (value instanceof JsonString s) {
                out.addAll(PrivilegedDiscovery.scopes(s.getString()));
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().stream().filter(v -> v instanceof JsonString)
                        .map(v -> ((JsonString) v).getString()).forEach(out::add);
            } else {
                continue;
            }
            found = Optional.of(out);
        }
        return found;
    }

    /** {@code readOnlyHint: true}, and not {@code destructiveHint: true} nor {@code openWorldHint: true}. */
    static boolean readOnly(JsonObject tool) {
        JsonValue annotations = tool.get("annotations");
        if (annotations == null || annotations.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonObject a = annotations.asJsonObject();
        return a.get("readOnlyHint") == JsonValue.TRUE && a.get("destructiveHint") != JsonValue.TRUE
                && a.get("openWorldHint") != JsonValue.TRUE;
    }

    /** Declared scopes, or read-only: the suite may call it (with the token the check needs). */
    static boolean mayCall(JsonObject tool) {
        return declaredScopes(tool).isPresent() || readOnly(tool);
    }

    /** The operator's scopes for a hinted tool ({@code --tool NAME=SCOPE}), else what the tool declares. */
    static Optional<List<String>> declaredScopes(JsonObject tool, ToolHints hints) {
        Optional<List<String>> hinted = hint(tool, hints).map(ToolHint::scopes).filter(s -> !s.isEmpty());
        return hinted.or(() -> declaredScopes(tool));
    }

    /** Named by {@code --tool}, or annotated read-only. */
    static boolean readOnly(JsonObject tool, ToolHints hints) {
        return hint(tool, hints).isPresent() || readOnly(tool);
    }

    private static Optional<ToolHint> hint(JsonObject tool, ToolHints hints) {
        return JsonValues.string(tool, "name").flatMap(hints::find);
    }
}
