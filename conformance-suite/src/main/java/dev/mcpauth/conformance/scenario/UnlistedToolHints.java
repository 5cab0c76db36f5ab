package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.ToolHint;

import java.util.List;
import java.util.Optional;

/**
 * {@code --tool NAME} for a tool the target does not list: the hint can never be used, so the run
 * says so (a note on the console and in every report) instead of silently ignoring it, most often
 * a misspelt name. Checked once, with the good baseline token, before the scenarios run.
 */
final class UnlistedToolHints {

    private UnlistedToolHints() {
    }

    /** The note naming every hinted tool {@code tools/list} does not name; empty when all are listed or it cannot tell. */
    static Optional<String> note(ScenarioContext ctx) {
        List<ToolHint> hints = ctx.target().options().extras().toolHints().tools();
        Optional<McpSession> session = ctx.facts().acceptance().session();
        if (hints.isEmpty() || session.isEmpty()) {
            return Optional.empty();
        }
        McpClient mcp = ctx.target().mcp();
        Response list = mcp.send(mcp.toolsList(session.get()).bearer(ctx.facts().baselineToken().get()));
        if (!McpClient.hasResult(list)) {
            return Optional.of("--tool hints not checked: tools/list with the baseline token answered " + list.summary());
        }
        List<String> listed = PrivilegedDiscovery.tools(list).stream()
                .map(t -> JsonValues.string(t, "name").orElse("")).filter(n -> !n.isEmpty()).toList();
        List<String> unlisted = hints.stream().map(ToolHint::name).filter(n -> !listed.contains(n)).toList();
        if (unlisted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("--tool " + String.join(", --tool ", unlisted) + ": the target lists no such tool, so "
                + (unlisted.size() == 1 ? "this hint was" : "these hints were") + " not used (tools/list names: "
                + (listed.isEmpty() ? "none" : String.join(", ", listed)) + "); check the spelling.");
    }
}
