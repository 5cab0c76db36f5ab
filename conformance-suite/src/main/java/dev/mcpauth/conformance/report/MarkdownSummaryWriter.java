package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;

import java.util.List;

/**
 * {@code summary.md}: a short GitHub-flavoured Markdown summary for a pull-request comment:
 * verdict line, counts (observed verdicts apart from untestable checks), a table per scenario, then the failures, known failures, stale
 * expected-failure entries and warnings with their check ids.
 */
public final class MarkdownSummaryWriter {
    private static final int MESSAGE_LENGTH = 200;

    private MarkdownSummaryWriter() {
    }

    /** What the table's columns mean; the symbols alone do not say it. */
    static final String LEGEND = "Columns: ✓ passed · ✗ failed (a MUST; \"expected\" ones are listed in the "
            + "expected-failures file) · ! warning (a SHOULD) · i info (a MAY, or no rule; never fails the run) · "
            + "untestable: a prerequisite was missing · skipped: not part of this spec version. The first column "
            + "is ✗ when the scenario has an unexpected failure.";

    public static String render(RunOutcome outcome, CoverageMatrix coverage) {
        RunResult run = outcome.result();
        StringBuilder md = new StringBuilder();
        md.append("## MCP authorization conformance: ").append(outcome.passed() ? "✅ PASS" : "❌ FAIL").append('\n');
        md.append('\n');
        if (!outcome.passed()) {
            md.append("**").append(text(outcome.failureReason())).append("** (exit code ").append(outcome.exitCode())
                    .append(")\n\n");
        }
        md.append("Target ").append(code(run.target())).append(" · spec ").append(text(run.specVersion().label()))
                .append(" · suite ").append(text(run.suiteVersion())).append(" · ").append(text(run.startedAt().toString()))
                .append(" · ").append(text(Format.seconds(run.duration()))).append('\n');
        md.append('\n');
        md.append(run.checks().size()).append(" checks: ").append(text(Format.tally(run.checks()))).append(". ")
                .append(text(coverage.summary())).append(".\n\n");

        for (String note : run.notes()) {
            md.append("> **Run note:** ").append(text(note)).append("\n\n");
        }
        md.append("| Scenario | ✓ | ✗ | ! | i | untestable | skipped |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult scenario : run.scenarios()) {
            List<CheckResult> checks = scenario.checks();
            boolean ok = checks.stream().noneMatch(RunOutcome::isUnexpectedFailure);
            long known = checks.stream().filter(c -> !c.untestable() && RunOutcome.isExpectedFailure(c)).count();
            md.append("| ").append(ok ? "✓ " : "✗ ").append(code(scenario.id())).append(" | ")
                    .append(Format.observed(checks, Status.SUCCESS)).append(" | ")
                    .append(Format.observed(checks, Status.FAILURE))
                    .append(known > 0 ? " (" + known + " expected)" : "").append(" | ")
                    .append(Format.observed(checks, Status.WARNING)).append(" | ")
                    .append(Format.observed(checks, Status.INFO)).append(" | ")
                    .append(Format.untestable(checks)).append(" | ")
                    .append(Format.observed(checks, Status.SKIPPED)).append(" |\n");
        }
        md.append("\n").append(LEGEND).append('\n');
        List<ScenarioResult> alsoProtected = run.scenarios().stream()
                .filter(s -> s.id().startsWith(JUnitXmlWriter.ALSO_PROTECTED)).toList();
        if (!alsoProtected.isEmpty()) {
            md.append("\nAlso protected (`--also-protect`), one scenario per URL:\n\n");
            alsoProtected.forEach(s -> md.append("- ").append(code(s.id())).append(": ").append(text(s.title()))
                    .append('\n'));
        }

        list(md, "Failures", outcome.unexpectedFailures().stream().filter(c -> !c.untestable()).toList());
        list(md, "Untestable MUST checks (they fail the run)",
                outcome.unexpectedFailures().stream().filter(CheckResult::untestable).toList());
        list(md, "Known failures (expected-failures file)", outcome.expectedFailures());
        if (!outcome.staleEntries().isEmpty()) {
            md.append("\n### Stale expected-failure entries\n\n");
            for (StaleEntry stale : outcome.staleEntries()) {
                md.append("- ").append(code(stale.entry())).append(" (line ").append(stale.line()).append("): ")
                        .append(text(stale.reason())).append('\n');
            }
        }
        list(md, "Warnings", run.checks().stream().filter(c -> c.status() == Status.WARNING).toList());
        md.append("\nFull report: `report.html`; machine-readable: `checks.json`, `run.json`, `junit.xml`.\n");
        return md.toString();
    }

    private static void list(StringBuilder md, String title, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append(" (").append(checks.size()).append(")\n\n");
        for (CheckResult check : checks) {
            md.append("- ").append(Format.symbol(check.status())).append(' ').append(code(check.scenarioId() + ":" + check.id()))
                    .append(text(Format.qualifiers(check))).append(" — ")
                    .append(text(Format.firstLine(Format.message(check), MESSAGE_LENGTH)));
            if (!check.rows().isEmpty()) {
                md.append(" (").append(text(String.join(", ", check.rows()))).append(')');
            }
            md.append('\n');
        }
    }

    /** Inline code that no backtick, pipe (table cell) or line break inside the value can break out of. */
    static String code(String value) {
        String flat = value.replaceAll("[\\r\\n]+", " ").replace('`', '\'').replace("|", "\\|");
        return "`" + flat + "`";
    }

    /**
     * Plain text on one line with Markdown and HTML meaning removed: line breaks become spaces,
     * {@code &} becomes {@code &amp;}, and Markdown punctuation (including {@code < > |}) is
     * backslash-escaped.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if (c == '&') {
                out.append("&amp;");
            } else if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
