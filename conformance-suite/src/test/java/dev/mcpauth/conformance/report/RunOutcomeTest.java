package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutcomeTest {

    private static RunResult run(CheckResult... checks) {
        return new RunResult("v", "http://h/mcp", SpecVersion.V2025_11_25, ReportFixtures.STARTED, Duration.ZERO,
                List.of(new ScenarioResult("s", "S", List.of(), List.of(checks))));
    }

    private static CheckResult check(Status status, Map<String, Object> details, boolean untestable) {
        return ReportFixtures.check("s", "c-" + status, "c", List.of(), Level.MUST, status, 0, details, null,
                untestable, List.of());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"SUCCESS", "WARNING", "INFO", "SKIPPED"})
    void onlyFailuresFailTheRun(Status status) {
        RunOutcome outcome = RunOutcome.of(run(check(status, Map.of(), false)));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.verdict()).isEqualTo("PASS");
        assertThat(outcome.failureReason()).isEmpty();
    }

    @Test
    void aFailureFailsTheRun() {
        RunOutcome outcome = RunOutcome.of(run(check(Status.FAILURE, Map.of(), false)));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.failureReason()).isEqualTo("1 unexpected failure");
    }

    @Test
    void anUntestableFailureFailsTheRun() {
        RunOutcome outcome = RunOutcome.of(run(check(Status.FAILURE, Map.of(), true)));
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    @Test
    void anExpectedFailureDoesNotFailTheRun() {
        CheckResult known = check(Status.FAILURE, Map.of(RunOutcome.EXPECTED_FAILURE, true), false);
        RunOutcome outcome = RunOutcome.of(run(known));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.expectedFailures()).containsExactly(known);
        assertThat(outcome.unexpectedFailures()).isEmpty();
    }

    @Test
    void theExpectedFailureMarkMeansNothingOnANonFailure() {
        assertThat(RunOutcome.isExpectedFailure(check(Status.WARNING, Map.of(RunOutcome.EXPECTED_FAILURE, true), false)))
                .isFalse();
    }

    @Test
    void aStaleEntryFailsAnOtherwiseGreenRun() {
        RunOutcome outcome = new RunOutcome(run(check(Status.SUCCESS, Map.of(), false)),
                List.of(new StaleEntry("s", 1, "matches no check in scenario s")));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.failureReason()).isEqualTo("1 stale expected-failure entry");
    }

    @Test
    void theFixtureFailsForBothReasons() {
        assertThat(ReportFixtures.outcome().failureReason())
                .isEqualTo("1 unexpected failure, 1 untestable MUST check, 2 stale expected-failure entries");
    }
}
