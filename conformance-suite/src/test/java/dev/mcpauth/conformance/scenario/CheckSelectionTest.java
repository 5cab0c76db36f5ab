package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --check}: only the selected checks are reported, each with its real verdict, both ways. */
class CheckSelectionTest {
    private static final List<String> SELECTED = List.of("missing-token-status-401", "expired-token-status-401");

    private static RunResult run(Set<StubDefect> defects) {
        return StubHarness.run(defects, false,
                stub -> StubHarness.options(stub, SpecVersion.V2025_11_25, List.of()).withChecks(SELECTED));
    }

    @Test
    void reportsOnlyTheSelectedChecksFromTheScenariosThatHoldThem() {
        RunResult r = run(Set.of());
        assertThat(r.scenarios()).extracting(ScenarioResult::id).containsExactly("missing-token", "expired-token");
        assertThat(r.checks()).extracting(CheckResult::id).containsExactlyElementsOf(SELECTED);
        assertThat(r.checks()).extracting(CheckResult::status).containsOnly(Status.SUCCESS);
        assertThat(r.scenarios().getFirst().rows()).containsExactly("RS-17");
    }

    @Test
    void aSelectedCheckStillFailsOnAServerBrokenThatWay() {
        RunResult r = run(Set.of(StubDefect.ACCEPT_EXPIRED));
        assertThat(StubHarness.byId(r).get("expired-token-status-401").status()).isEqualTo(Status.FAILURE);
        assertThat(StubHarness.byId(r).get("missing-token-status-401").status()).isEqualTo(Status.SUCCESS);
    }
}
