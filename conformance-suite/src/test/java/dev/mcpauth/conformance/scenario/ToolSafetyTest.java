package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.options.RunOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite calls a target's tool only when the operator named it, it declares its scopes, or it is read-only. */
class ToolSafetyTest {
    private static final List<String> TOOL_SCENARIOS = List.of("valid-token", "insufficient-scope", "expired-token");

    private record Outcome(Map<String, CheckResult> checks, Map<String, Integer> calls) {
    }

    private static Outcome run(StubDefect variant, Function<RunOptions, RunOptions> tweak) throws IOException {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(variant),
                StubSetup.plain(false))) {
            RunOptions options = tweak.apply(StubHarness.options(stub, SpecVersion.V2025_11_25, TOOL_SCENARIOS));
            RunResult r = ConformanceRunner.run(options, ProgressListener.NONE);
            return new Outcome(StubHarness.byId(r), Map.of("whoami", stub.toolCalls("whoami"),
                    "server_status", stub.toolCalls("server_status"), "reset_everything", stub.toolCalls("reset_everything")));
        }
    }

    @Test
    void toolsThatDeclareNothingAreNeverCalledAndTheChecksSayWhatToPass() throws IOException {
        Outcome o = run(StubDefect.UNDECLARED_TOOLS, Function.identity());
        assertThat(o.calls()).containsOnly(Map.entry("whoami", 0), Map.entry("server_status", 0),
                Map.entry("reset_everything", 0));
        CheckResult status = o.checks().get("insufficient-scope-status-403");
        assertThat(status.untestable()).isTrue();
        assertThat(status.status()).isEqualTo(Status.FAILURE);
        assertThat(status.errorMessage()).get().asString().contains("--privileged-tool").contains("--privileged-scope")
                .contains("none of the 3 tools");
        assertThat(status.exchanges()).as("the discovery requests are reported")
                .anyMatch(e -> e.requestBody().contains("tools/list"));
        assertThat(o.checks().get("insufficient-scope-error").status()).as("an untestable SHOULD")
                .isEqualTo(Status.WARNING);
        assertThat(o.checks().get("valid-token-tools-call").untestable()).isTrue();
        assertThat(o.checks().get("expired-token-no-tool-result").untestable()).isTrue();
    }

    @Test
    void readOnlyToolsAreCalledAndADestructiveOneNever() throws IOException {
        Outcome o = run(StubDefect.READ_ONLY_TOOLS, Function.identity());
        assertThat(o.calls().get("reset_everything")).isZero();
        assertThat(o.calls().get("server_status")).isPositive();
        for (String id : List.of("insufficient-scope-status-403", "insufficient-scope-error",
                "insufficient-scope-step-up", "valid-token-tools-call", "expired-token-no-tool-result")) {
            assertThat(o.checks().get(id).status()).as(id).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void theOperatorsToolIsTheOnlyOneDiscoveryCalls() throws IOException {
        Outcome o = run(StubDefect.UNDECLARED_TOOLS, b -> new RunOptions(b.target(), b.issuer(), b.specVersion(),
                b.scenarioIds(), b.token(), b.lowScopeToken(), b.baselineScope(), Optional.of(StubMcpServer.ADMIN),
                Optional.of("server_status"), b.requestTimeout(), b.extras()));
        assertThat(o.calls().get("reset_everything")).isZero();
        assertThat(o.calls().get("whoami")).isZero();
        assertThat(o.checks().get("insufficient-scope-status-403").status()).isEqualTo(Status.SUCCESS);
        assertThat(o.checks().get("insufficient-scope-step-up").status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void declarationsAndAnnotationsAreReadStrictly() {
        JsonObject declared = tool("{\"_meta\":{\"dev.mcpauth/requiredScopes\":[\"a\",\"b\"]}}");
        assertThat(ToolSafety.declaredScopes(declared)).contains(List.of("a", "b"));
        assertThat(ToolSafety.declaredScopes(tool("{\"_meta\":{\"x/required_scopes\":\"a b\"}}"))).contains(List.of("a", "b"));
        assertThat(ToolSafety.declaredScopes(tool("{\"_meta\":{\"x/requiredScopes\":[]}}"))).contains(List.of());
        assertThat(ToolSafety.declaredScopes(tool("{\"_meta\":{\"scopes\":[\"a\"]}}"))).isEmpty();
        assertThat(ToolSafety.mayCall(tool("{}"))).isFalse();
        assertThat(ToolSafety.readOnly(tool("{\"annotations\":{\"readOnlyHint\":true}}"))).isTrue();
        assertThat(ToolSafety.readOnly(tool("{\"annotations\":{\"readOnlyHint\":\"true\"}}"))).isFalse();
        assertThat(ToolSafety.readOnly(tool("{\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":true}}"))).isFalse();
        assertThat(ToolSafety.readOnly(tool("{\"annotations\":{\"readOnlyHint\":true,\"destructiveHint\":true}}"))).isFalse();
        assertThat(ToolSafety.readOnly(tool("{\"annotations\":{\"readOnlyHint\":false}}"))).isFalse();
    }

    private static JsonObject tool(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }
}
