package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.greybox.UpstreamMock;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * No token passthrough (grey box): the target is configured to call the suite's mock upstream
 * from one of its tools; the suite calls that tool with a token holding the scope it needs, and
 * the mock must receive a request that carries none of the client's tokens.
 */
final class TokenPassthroughScenario implements Scenario {
    static final CheckSpec NOT_FORWARDED = CheckSpec.of("token-passthrough-not-forwarded", Level.MUST,
            "The client's token never reaches the upstream API",
            "Grey box, enabled by --upstream-mock-port N: the suite listens on 127.0.0.1:N, the target's tool (--upstream-tool, "
                    + "default fetch_upstream) is configured to call it with the server's own credential, and the suite "
                    + "calls that tool with a token holding the scope it needs (stepping up once on a 403). The mock must "
                    + "receive at least one request, and no request may carry any token the suite sent, whole or a "
                    + "12-character piece, in any header, the query or the body. Without the flag: untestable.",
            List.of("RS-58"), "MCP-security#token-passthrough", "MCP-authorization#access-token-privilege-restriction");

    @Override
    public String id() {
        return "token-passthrough";
    }

    @Override
    public String title() {
        return "Token passthrough (grey box): the upstream API never sees the client's token";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(NOT_FORWARDED);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        String tool = ctx.target().options().extras().upstreamTool();
        Optional<UpstreamMock> mock = ctx.target().fixtures().upstream();
        Optional<String> mockError = ctx.target().fixtures().upstreamError();
        if (mockError.isPresent()) {
            rec.untestable(NOT_FORWARDED, mockError.get(), List.of());
            return;
        }
        if (mock.isEmpty()) {
            rec.greyBoxNotRequested(NOT_FORWARDED, "pass --upstream-mock-port N and start the target so that its tool "
                    + tool + " calls http://127.0.0.1:N/ (see --help)", ctx.target().options().extras().requireGreybox());
            return;
        }
        Optional<String> gate = ctx.facts().tokenGate();
        if (gate.isPresent()) {
            rec.untestable(NOT_FORWARDED, gate.get(), List.of());
            return;
        }
        int before = mock.get().received().size();
        List<Response> calls = callTool(ctx, tool);
        Response last = calls.get(calls.size() - 1);
        List<UpstreamMock.Received> received = mock.get().received();
        List<UpstreamMock.Received> mine = received.subList(before, received.size());
        if (mine.isEmpty()) {
            rec.untestable(NOT_FORWARDED, "the mock upstream " + mock.get().url() + " received no request; tools/call "
                    + tool + " answered " + last.summary() + ". Start the target so that " + tool + " calls it", calls);
            return;
        }
        judge(ctx, rec, tool, mine, calls);
    }

    private static void judge(ScenarioContext ctx, CheckRecorder rec, String tool, List<UpstreamMock.Received> mine,
                              List<Response> calls) {
        Set<String> leaked = new LinkedHashSet<>();
        for (UpstreamMock.Received r : mine) {
            r.texts().forEach(t -> ctx.target().http().redactor().findSecret(t).ifPresent(leaked::add));
        }
        rec.verdict(NOT_FORWARDED, leaked.isEmpty(), "the upstream API received the client's token: "
                + String.join(", ", leaked), details("tool", tool, "upstreamRequests", mine.size(),
                "upstreamHeaders", mine.stream().flatMap(r -> r.headers().stream().map(h -> h.getKey())).distinct().toList()),
                calls);
    }

    /**
     * Calls the tool with the baseline token (plus the scopes a {@code --tool} hint gives it), then once more with
     * the challenged scopes added after a 403.
     */
    private static List<Response> callTool(ScenarioContext ctx, String tool) {
        McpClient mcp = ctx.target().mcp();
        McpSession session = ctx.facts().acceptance().session().orElseThrow();
        List<Response> calls = new ArrayList<>();
        Minted token = ctx.target().options().extras().toolHints().find(tool)
                .filter(h -> !h.scopes().isEmpty())
                .map(h -> ctx.tokens().withScopes(InsufficientScopeScenario.union(ctx.facts().baselineScope(),
                        String.join(" ", h.scopes()))))
                .filter(Minted::available)
                .orElse(ctx.facts().baselineToken());
        Response first = mcp.send(mcp.toolsCall(session, tool).bearer(token.get()));
        calls.add(first);
        Optional<String> challenged = first.status() == 403
                ? first.challenges().bearer().flatMap(c -> c.value("scope")) : Optional.empty();
        if (challenged.isPresent()) {
            Minted up = ctx.tokens().withScopes(InsufficientScopeScenario.union(ctx.facts().baselineScope(), challenged.get()));
            if (up.available()) {
                calls.add(mcp.send(mcp.toolsCall(session, tool).bearer(up.get())));
            }
        }
        return calls;
    }
}
