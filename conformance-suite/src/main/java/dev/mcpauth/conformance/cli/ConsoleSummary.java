package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.report.Format;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.report.StaleEntry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The end-of-run console summary, in the official suite's shape: a {@code ✓/✗ scenario: P
 * passed, F failed} line per scenario, a Total line, then stale entries, the verdict with its
 * exit code, and where the reports are.
 */
final class ConsoleSummary {
    private ConsoleSummary() {
    }

    static void print(PrintStream out, RunOutcome outcome, Path reportDir) {
        out.println();
        out.println("=== SUMMARY ===");
        outcome.result().notes().forEach(note -> out.println("Note: " + note));
        for (ScenarioResult scenario : outcome.result().scenarios()) {
            boolean ok = scenario.checks().stream().noneMatch(RunOutcome::isUnexpectedFailure);
            out.println((ok ? "✓ " : "✗ ") + scenario.id() + ": " + counts(scenario.checks()));
        }
        List<CheckResult> all = outcome.result().checks();
        out.println("Total: " + counts(all) + " (" + Format.plural(all.size(), "check", "checks") + ", "
                + Format.seconds(outcome.result().duration()) + ")");
        for (StaleEntry stale : outcome.staleEntries()) {
            out.println("✗ " + stale.describe());
        }
        out.println(outcome.passed()
                ? "Verdict: PASS (exit 0): no unexpected MUST-level failure"
                : "Verdict: FAIL (exit 1): " + outcome.failureReason());
        out.println("Reports: " + reportDir.resolve("report.html") + " (also summary.md, checks.json, run.json, junit.xml)");
    }

    /** Observed verdicts apart from untestable checks: see {@link Format#tally}. */
    static String counts(List<CheckResult> checks) {
        return Format.tally(checks);
    }
}
