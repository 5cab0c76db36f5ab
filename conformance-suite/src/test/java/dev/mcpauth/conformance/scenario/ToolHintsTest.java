package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.ToolHints;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --tool} hints for a server whose tools carry neither {@code readOnlyHint} nor {@code _meta} scopes
 * ({@link StubDefect#UNDECLARED_TOOLS}): without hints every tool-dependent check is untestable; with them they
 * all run, pass on the correct stub, and reach the exact verdict on a stub broken in one way.
 */
class ToolHintsTest {
    /**
     * What a user passes for the stub: whoami is covered by the baseline scope, server_status needs mcp:admin,
     * the upstream tool (named by --upstream-tool for the grey-box check) mcp:write.
     */
    static final ToolHints HINTS = new ToolHints(List.of(ToolHint.parse("whoami"),
            ToolHint.parse("server_status=" + StubMcpServer.ADMIN), ToolHint.parse("fetch_upstream=" + StubMcpServer.WRITE)));

    /** The checks that need a tool to call. */
    static final Set<String> TOOL_CHECKS = Set.of("valid-token-tools-call", "expired-token-no-tool-result",
            "insufficient-scope-status-403", "insufficient-scope-error", "insufficient-scope-scope-param",
            "insufficient-scope-resource-metadata", "insufficient-scope-step-up", "insufficient-scope-consistent",
            "insufficient-scope-invalid-token-wins", "scope-challenge-tool-every-scope");

    static final List<SpecVersion> VERSIONS = List.of(SpecVersion.V2025_11_25, SpecVersion.V2026_07_28);

    private static RunResult run(Set<StubDefect> defects, SpecVersion version, ToolHints hints) {
        EnumSet<StubDefect> all = EnumSet.of(StubDefect.UNDECLARED_TOOLS);
        all.addAll(defects);
        return StubHarness.run(all, false, stub -> {
            RunOptions o = StubHarness.options(stub, version, List.of());
            return o.withExtras(o.extras().withToolHints(hints));
        });
    }

    private static Set<String> expectedToolChecks(SpecVersion version) {
        Set<String> ids = new TreeSet<>(TOOL_CHECKS);
        if (version == SpecVersion.V2026_07_28) {
            ids.add("scope-hierarchy-broader-scope-suffices");
        }
        return ids;
    }

    static Stream<SpecVersion> versions() {
        return VERSIONS.stream();
    }

    @ParameterizedTest(name = "{0}: no hints, the tool checks are untestable and nothing else changes")
    @MethodSource("versions")
    void withoutHintsEveryToolCheckIsUntestable(SpecVersion version) {
        RunResult r = run(Set.of(), version, ToolHints.NONE);
        Set<String> notPassing = r.checks().stream().filter(c -> isNonSuccess(c, version))
                .map(c -> c.id() + " " + DefectCase.code(c)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(notPassing).containsExactlyElementsOf(expectedToolChecks(version).stream().map(id -> id + " U")
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(StubHarness.byId(r).get("insufficient-scope-status-403").errorMessage()).get().asString()
                .contains("--tool NAME=SCOPE");
    }

    @ParameterizedTest(name = "{0}: with hints every check passes")
    @MethodSource("versions")
    void withHintsEveryCheckPasses(SpecVersion version) {
        RunResult r = run(Set.of(), version, HINTS);
        List<String> notPassing = r.checks().stream().filter(c -> isNonSuccess(c, version))
                .map(c -> c.id() + " " + DefectCase.code(c) + " " + c.errorMessage().orElse("")).toList();
        assertThat(notPassing).isEmpty();
    }

    record Broken(StubDefect defect, SpecVersion version, Map<String, String> expected) {
        @Override
        public String toString() {
            return defect + " @" + version + " → " + expected;
        }
    }

    static Stream<Broken> broken() {
        SpecVersion v1125 = SpecVersion.V2025_11_25;
        return Stream.of(
                new Broken(StubDefect.INSUFFICIENT_SCOPE_401, v1125, Map.of("insufficient-scope-status-403", "F",
                        "scope-challenge-resource-403", "F", "scope-challenge-prompt-403", "F",
                        "scope-challenge-tool-every-scope", "U", "scope-challenge-resource-every-scope", "U",
                        "scope-challenge-prompt-every-scope", "U")),
                new Broken(StubDefect.INSUFFICIENT_SCOPE_NO_SCOPE, v1125, Map.of("insufficient-scope-scope-param", "W",
                        "scope-challenge-tool-every-scope", "W", "scope-challenge-resource-every-scope", "W",
                        "scope-challenge-prompt-every-scope", "W")),
                new Broken(StubDefect.CHALLENGE_NAMES_WRONG_SCOPE, v1125, Map.of("insufficient-scope-step-up", "W",
                        "scope-challenge-tool-every-scope", "W", "scope-challenge-resource-every-scope", "W",
                        "scope-challenge-prompt-every-scope", "W")),
                new Broken(StubDefect.CHECK_SCOPE_BEFORE_EXPIRY, v1125,
                        Map.of("insufficient-scope-invalid-token-wins", "F")),
                new Broken(StubDefect.TOOLS_CALL_UNAUTHORIZED, v1125, Map.of("valid-token-tools-call", "F")),
                // the stub's refused-call-still-runs defect also checks scope before expiry (both run the call)
                new Broken(StubDefect.DATA_IN_REJECTION, v1125, Map.of("expired-token-no-tool-result", "F",
                        "insufficient-scope-invalid-token-wins", "F")),
                new Broken(StubDefect.SESSION_NOT_BOUND, v1125, Map.of("session-binding-other-user", "W")),
                new Broken(StubDefect.ECHO_TOKEN, v1125,
                        Map.of("challenge-syntax-no-token-echo", "W", "token-hygiene-no-echo", "W")),
                new Broken(StubDefect.NO_HIERARCHY, SpecVersion.V2026_07_28,
                        Map.of("scope-hierarchy-broader-scope-suffices", "F")));
    }

    @ParameterizedTest(name = "with hints: {0}")
    @MethodSource("broken")
    void withHintsADefectGetsItsExactVerdict(Broken c) {
        RunResult r = run(Set.of(c.defect()), c.version(), HINTS);
        List<String> mismatches = new ArrayList<>();
        for (CheckResult check : r.checks()) {
            String actual = DefectCase.code(check);
            String expected = c.expected().getOrDefault(check.id(),
                    BothWaysTest.applies(check.id(), c.version()) ? "OK" : "S");
            if (!actual.equals(expected)) {
                mismatches.add(check.id() + ": expected " + expected + ", got " + actual + " "
                        + check.errorMessage().orElse(""));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = StubDefect.class, names = {"INSUFFICIENT_SCOPE_401"})
    void withoutHintsTheSameDefectGoesUnobserved(StubDefect defect) {
        RunResult r = run(Set.of(defect), SpecVersion.V2025_11_25, ToolHints.NONE);
        assertThat(DefectCase.code(StubHarness.byId(r).get("insufficient-scope-status-403"))).isEqualTo("U");
    }

    private static boolean isNonSuccess(CheckResult c, SpecVersion version) {
        String code = DefectCase.code(c);
        return !code.equals("OK") && !(code.equals("S") && !BothWaysTest.applies(c.id(), version));
    }
}
