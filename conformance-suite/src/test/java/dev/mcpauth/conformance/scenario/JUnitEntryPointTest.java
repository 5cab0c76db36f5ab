package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.junit.McpAuthConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit 5 entry point against the stub: one dynamic test per check, named by id and rows,
 * passing on the correct stub, failing on a FAILURE, on a WARNING only when asked, and aborted
 * for checks not requested.
 */
class JUnitEntryPointTest {
    private static final String[] CHECKS = {"missing-token-status-401", "insufficient-scope-status-403",
        "scope-challenge-prompt-every-scope"};

    /** Each test's outcome by display name: "passed", "failed: …" or "aborted: …". */
    private static Map<String, String> outcomes(Set<StubDefect> defects, boolean failOnWarning) throws Throwable {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(),
                defects.isEmpty() ? EnumSet.noneOf(StubDefect.class) : EnumSet.copyOf(defects),
                new StubSetup(false, Optional.empty(), Optional.empty()))) {
            McpAuthConformance suite = McpAuthConformance.forTarget(stub.target().toString())
                    .issuer(StubHarness.issuer().issuerUrl().toString())
                    .trustCert(StubTls.get().certificate())
                    .checks(CHECKS);
            if (failOnWarning) {
                suite.failOnWarning();
            }
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (DynamicTest test : suite.dynamicTests().toList()) {
                outcomes.put(test.getDisplayName(), outcome(test.getExecutable()));
            }
            return outcomes;
        }
    }

    private static String outcome(Executable executable) throws Throwable {
        try {
            executable.execute();
            return "passed";
        } catch (AssertionFailedError e) {
            return "failed: " + e.getMessage();
        } catch (TestAbortedException e) {
            return "aborted: " + e.getMessage();
        }
    }

    @Test
    void theCorrectStubPassesTheRequestedChecksAndTheOthersAreAborted() throws Throwable {
        Map<String, String> outcomes = outcomes(Set.of(), true);
        assertThat(outcomes).hasSize(Scenarios.all().stream().mapToInt(s -> s.checks().size()).sum());
        assertThat(outcomes).containsEntry("missing-token-status-401 [RS-17]", "passed")
                .containsEntry("insufficient-scope-status-403 [RS-62]", "passed")
                .containsEntry("scope-challenge-prompt-every-scope [RS-63, RS-64]", "passed");
        assertThat(outcomes.entrySet()).filteredOn(e -> e.getKey().startsWith("prm-served ["))
                .singleElement().extracting(Map.Entry::getValue).asString()
                .isEqualTo("aborted: Assumption failed: prm-served was not requested in this run");
        assertThat(outcomes.values().stream().filter(o -> o.equals("passed"))).hasSize(CHECKS.length);
    }

    @Test
    void aFailureFailsItsTestAndAWarningOnlyWhenAsked() throws Throwable {
        Map<String, String> lenient = outcomes(Set.of(StubDefect.INSUFFICIENT_SCOPE_401, StubDefect.PROMPT_ONE_SCOPE_AT_A_TIME),
                false);
        assertThat(lenient.get("insufficient-scope-status-403 [RS-62]"))
                .startsWith("failed: FAILURE (MUST) insufficient-scope-status-403 [RS-62]: tools/call server_status");
        assertThat(lenient.get("missing-token-status-401 [RS-17]")).isEqualTo("passed");
        Map<String, String> strict = outcomes(Set.of(StubDefect.PROMPT_ONE_SCOPE_AT_A_TIME), true);
        assertThat(strict.get("scope-challenge-prompt-every-scope [RS-63, RS-64]"))
                .startsWith("failed: WARNING (SHOULD) scope-challenge-prompt-every-scope [RS-63, RS-64]: prompts/get weekly_review");
        assertThat(lenient.get("scope-challenge-prompt-every-scope [RS-63, RS-64]")).isEqualTo("passed");
        assertThat(List.of(strict.get("insufficient-scope-status-403 [RS-62]"))).containsExactly("passed");
    }
}
