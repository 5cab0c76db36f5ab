package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.report.ReportFixtures;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.report.StaleEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedFailuresTest {
    /** The file whose application to {@link ReportFixtures#rawRun()} gives {@link ReportFixtures#outcome()}. */
    static final String FIXTURE_FILE = """
            # known failures of the fixture server
            wrong-audience:wrong-audience-status-401
            missing-token      # passes now: stale
            \t
            expired-token:no-such-check
            """;

    private static ExpectedFailures parse(String text) throws UsageException {
        return ExpectedFailures.parse(text, "expected.txt");
    }

    private static CheckResult check(String scenario, String id, Status status, boolean untestable) {
        return ReportFixtures.check(scenario, id, id, List.of("RS-17"), Level.MUST, status, 0, Map.of(), "message",
                untestable, List.of());
    }

    private static RunResult run(ScenarioResult... scenarios) {
        return new RunResult("v", "http://h/mcp", SpecVersion.V2025_11_25, ReportFixtures.STARTED, Duration.ZERO, List.of(scenarios));
    }

    private static ScenarioResult scenario(String id, CheckResult... checks) {
        return new ScenarioResult(id, id, List.of(), List.of(checks));
    }

    @Test
    void parsesEntriesCommentsAndBlankLines() throws UsageException {
        ExpectedFailures file = parse(FIXTURE_FILE);
        assertThat(file.entries()).containsExactly(
                new ExpectedFailures.Entry("wrong-audience", Optional.of("wrong-audience-status-401"), 2),
                new ExpectedFailures.Entry("missing-token", Optional.empty(), 3),
                new ExpectedFailures.Entry("expired-token", Optional.of("no-such-check"), 5));
    }

    @Test
    void acceptsWindowsLineEndingsAndAnEmptyFile() throws UsageException {
        assertThat(parse("a:b\r\nc\r\n").entries()).extracting(ExpectedFailures.Entry::text).containsExactly("a:b", "c");
        assertThat(parse("# nothing expected\n").entries()).isEmpty();
        assertThat(parse("").entries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b:c", "a:", ":b", "has space", "server:", "a b:c"})
    void rejectsMalformedEntriesWithTheirLine(String entry) {
        assertThatThrownBy(() -> parse("ok\n" + entry + "\n")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("expected.txt:2: bad entry");
    }

    @Test
    void rejectsDuplicates() {
        assertThatThrownBy(() -> parse("a:b\nc\na:b # again\n"))
                .hasMessage("expected.txt:3: duplicate entry 'a:b' (first on line 1)");
    }

    @Test
    void anUnreadableFileIsAUsageError(@TempDir Path tmp) {
        assertThatThrownBy(() -> ExpectedFailures.read(tmp.resolve("absent.txt")))
                .isInstanceOf(UsageException.class).hasMessageContaining("absent.txt: no such file or directory");
        assertThatThrownBy(() -> ExpectedFailures.read(tmp)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("cannot read expected-failures file");
    }

    @Test
    void applyingTheFixtureFileGivesTheFixtureOutcome() throws UsageException {
        RunOutcome outcome = parse(FIXTURE_FILE).apply(ReportFixtures.rawRun(), List.of());
        assertThat(outcome).isEqualTo(ReportFixtures.outcome());
    }

    @Test
    void aListedFailureStaysAFailureButNoLongerFailsTheRun() throws UsageException {
        RunOutcome outcome = parse("s:fails").apply(run(scenario("s",
                check("s", "fails", Status.FAILURE, false), check("s", "passes", Status.SUCCESS, false))), List.of());
        CheckResult marked = outcome.result().checks().getFirst();
        assertThat(marked.status()).isEqualTo(Status.FAILURE);
        assertThat(marked.details()).containsEntry(RunOutcome.EXPECTED_FAILURE, true);
        assertThat(outcome.result().checks().get(1).details()).doesNotContainKey(RunOutcome.EXPECTED_FAILURE);
        assertThat(outcome.staleEntries()).isEmpty();
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void anUnlistedFailureStillFailsTheRun() throws UsageException {
        RunOutcome outcome = parse("s:fails").apply(run(scenario("s",
                check("s", "fails", Status.FAILURE, false), check("s", "other", Status.FAILURE, false))), List.of());
        assertThat(outcome.unexpectedFailures()).extracting(CheckResult::id).containsExactly("other");
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    @Test
    void aScenarioEntryExcusesEveryFailureOfThatScenarioOnly() throws UsageException {
        RunOutcome outcome = parse("s").apply(run(
                scenario("s", check("s", "a", Status.FAILURE, false), check("s", "b", Status.FAILURE, true),
                        check("s", "c", Status.WARNING, false)),
                scenario("t", check("t", "a", Status.FAILURE, false))), List.of());
        assertThat(outcome.expectedFailures()).extracting(c -> c.scenarioId() + ":" + c.id()).containsExactly("s:a", "s:b");
        assertThat(outcome.unexpectedFailures()).extracting(c -> c.scenarioId() + ":" + c.id()).containsExactly("t:a");
        assertThat(outcome.staleEntries()).isEmpty();
    }

    @Test
    void anEntryWhoseChecksNowPassIsStale() throws UsageException {
        RunOutcome outcome = parse("\ns:fixed").apply(run(scenario("s", check("s", "fixed", Status.SUCCESS, false))),
                List.of());
        assertThat(outcome.staleEntries()).containsExactly(
                new StaleEntry("s:fixed", 2, "no matched check failed any more (1 SUCCESS); remove the entry"));
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    @Test
    void aWarningDoesNotKeepAnEntryAlive() throws UsageException {
        RunOutcome outcome = parse("s").apply(run(scenario("s", check("s", "w", Status.WARNING, false))), List.of());
        assertThat(outcome.staleEntries()).extracting(StaleEntry::reason)
                .containsExactly("no matched check failed any more (1 WARNING); remove the entry");
    }

    @Test
    void anEntryForAVersionWhereItsChecksDoNotApplyIsNotStale() throws UsageException {
        // ci/conformance.sh shares one file across spec versions; a 2026-07-28-only failure is SKIPPED elsewhere.
        ExpectedFailures file = parse("s:only-2607\ns\n");
        RunResult run = run(scenario("s", check("s", "only-2607", Status.SKIPPED, false)));
        assertThat(file.apply(run, List.of()).staleEntries()).isEmpty();
        assertThat(file.apply(run, List.of()).exitCode()).isEqualTo(0);
        RunResult mixed = run(scenario("s", check("s", "only-2607", Status.SKIPPED, false),
                check("s", "fixed", Status.SUCCESS, false)));
        assertThat(file.apply(mixed, List.of()).staleEntries()).extracting(StaleEntry::entry).containsExactly("s");
    }

    @Test
    void anEntryMatchingNothingIsStale() throws UsageException {
        RunOutcome outcome = parse("s:typo\nnot-a-scenario").apply(run(scenario("s", check("s", "a", Status.FAILURE, false))),
                List.of());
        assertThat(outcome.staleEntries()).extracting(StaleEntry::entry, StaleEntry::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s:typo", "matches no check in scenario s"),
                org.assertj.core.groups.Tuple.tuple("not-a-scenario", "matches no scenario in this run"));
        assertThat(outcome.unexpectedFailures()).hasSize(1);
    }

    @Test
    void entriesForScenariosLeftOutByScenarioSelectionAreNotStale() throws UsageException {
        ExpectedFailures file = parse("other:check\ns:a\n");
        RunResult run = run(scenario("s", check("s", "a", Status.FAILURE, false)));
        assertThat(file.apply(run, List.of("s")).staleEntries()).isEmpty();
        assertThat(file.apply(run, List.of("s", "other")).staleEntries()).extracting(StaleEntry::entry)
                .containsExactly("other:check");
    }

    @Test
    void excusesOnlyListedFailures() throws UsageException {
        ExpectedFailures file = parse("s:a");
        assertThat(file.excuses(check("s", "a", Status.FAILURE, false))).isTrue();
        assertThat(file.excuses(check("s", "a", Status.WARNING, false))).isFalse();
        assertThat(file.excuses(check("s", "b", Status.FAILURE, false))).isFalse();
        assertThat(file.excuses(check("t", "a", Status.FAILURE, false))).isFalse();
        assertThat(ExpectedFailures.none().excuses(check("s", "a", Status.FAILURE, false))).isFalse();
    }
}
