package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;

import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts, no external assets):
 * the run summary, the scenarios, the coverage matrix of every checklist row, the findings
 * ({@link HtmlFindings}), and a compact table of all checks. Every dynamic string
 * goes through {@link Html#escape}.
 */
public final class HtmlReportWriter {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#1d2228;line-height:1.4}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
            table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
            th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f5f7}table.meta{width:auto}table.meta th{width:11rem}
            tr.section th{background:#e8ecf0}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
            pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            .badge{display:inline-block;padding:.05rem .45rem;border-radius:.3rem;font-weight:600;font-size:.8rem;white-space:nowrap}
            .success{background:#dafbe1;color:#116329}.failure{background:#ffebe9;color:#a40e26}
            .known{background:#fbefff;color:#6e40c9}.warning{background:#fff8c5;color:#7d4e00}
            .info{background:#ddf4ff;color:#0550ae}.skipped,.na,.untestable{background:#eef1f4;color:#57606a}
            .uncovered{background:#fff;color:#57606a;border:1px dashed #8c959f}
            .verdict{font-size:1.1rem;padding:.2rem .8rem}.muted{color:#57606a}
            section.check{border:1px solid #d0d7de;border-radius:.4rem;padding:.2rem 1rem .6rem;margin:1rem 0}
            section.check h3{font-size:1.05rem}
            """;

    private final StringBuilder html = new StringBuilder(64 * 1024);
    private final RunOutcome outcome;
    private final CoverageMatrix coverage;

    private HtmlReportWriter(RunOutcome outcome, CoverageMatrix coverage) {
        this.outcome = outcome;
        this.coverage = coverage;
    }

    public static String render(RunOutcome outcome, CoverageMatrix coverage) {
        return new HtmlReportWriter(outcome, coverage).page();
    }

    private String page() {
        RunResult run = outcome.result();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>MCP authorization conformance: ").append(e(outcome.verdict())).append(" · ")
                .append(e(run.target())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>MCP authorization conformance report</h1>\n");
        html.append("<p><span class=\"badge verdict ").append(outcome.passed() ? "success" : "failure").append("\">")
                .append(e(outcome.verdict())).append("</span> ");
        html.append(outcome.passed() ? "No unexpected MUST-level failure." : e("Failed: " + outcome.failureReason() + "."));
        html.append("</p>\n");
        summary(run);
        stale();
        scenarios(run);
        matrix();
        HtmlFindings.append(html, run);
        allChecks(run);
        html.append("<p class=\"muted\">Written by mcp-auth-conformance ").append(e(run.suiteVersion()))
                .append(". Tokens the suite sent are redacted in every exchange.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private void summary(RunResult run) {
        html.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"meta\">\n");
        metaRow("Target", "<code>" + e(run.target()) + "</code>");
        metaRow("Spec version", e(run.specVersion().label()));
        metaRow("Suite version", e(run.suiteVersion()));
        metaRow("Started", e(run.startedAt().toString()));
        metaRow("Duration", e(Format.seconds(run.duration())));
        for (String note : run.notes()) {
            metaRow("Run note", e(note));
        }
        StringBuilder counts = new StringBuilder();
        for (Status status : Status.values()) {
            long n = Format.observed(run.checks(), status);
            counts.append(badge(status.name().toLowerCase(Locale.ROOT), status.name() + " " + n)).append(' ');
        }
        long expected = outcome.expectedFailures().size();
        long untestable = Format.untestable(run.checks());
        counts.append(badge("untestable", "UNTESTABLE " + untestable)).append(' ');
        counts.append("<span class=\"muted\">").append(e(Format.plural(run.checks().size(), "check", "checks")))
                .append("; ").append(e(Format.plural(expected, "expected failure", "expected failures")));
        if (untestable > 0) {
            counts.append("; untestable by level: ").append(e(Format.untestableByLevel(run.checks())));
        }
        counts.append("; status counts are observed verdicts, untestable checks apart</span>");
        metaRow("Checks", counts.toString());
        metaRow("Checklist coverage", e(coverage.summary()));
        metaRow("Exit code", Integer.toString(outcome.exitCode()));
        html.append("</table>\n");
    }

    private void metaRow(String name, String valueHtml) {
        html.append("<tr><th>").append(e(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private void stale() {
        if (outcome.staleEntries().isEmpty()) {
            return;
        }
        html.append("<h2 id=\"stale\">Stale expected-failure entries</h2>\n")
                .append("<p>These entries no longer describe a failure; remove them from the expected-failures file. "
                        + "Each one fails the run.</p>\n<ul>\n");
        for (StaleEntry stale : outcome.staleEntries()) {
            html.append("<li>").append(badge("failure", "STALE")).append(" <code>").append(e(stale.entry()))
                    .append("</code> (line ").append(stale.line()).append("): ").append(e(stale.reason())).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void scenarios(RunResult run) {
        html.append("<h2 id=\"scenarios\">Scenarios</h2>\n<table>\n<tr><th>Scenario</th><th>Title</th><th>Rows</th>")
                .append("<th>✓ passed</th><th>✗ failed</th><th>! warnings</th><th>i info</th><th>untestable</th>")
                .append("<th>- skipped</th></tr>\n");
        for (ScenarioResult scenario : run.scenarios()) {
            long unexpected = scenario.checks().stream().filter(RunOutcome::isUnexpectedFailure).count();
            List<CheckResult> checks = scenario.checks();
            long known = checks.stream().filter(c -> !c.untestable() && RunOutcome.isExpectedFailure(c)).count();
            html.append("<tr><td>").append(badge(unexpected == 0 ? "success" : "failure", unexpected == 0 ? "✓" : "✗"))
                    .append(" <code>").append(e(scenario.id())).append("</code></td><td>").append(e(scenario.title()))
                    .append("</td><td>").append(e(String.join(", ", scenario.rows()))).append("</td><td>")
                    .append(Format.observed(checks, Status.SUCCESS)).append("</td><td>")
                    .append(Format.observed(checks, Status.FAILURE))
                    .append(known > 0 ? " (" + known + " expected)" : "").append("</td><td>")
                    .append(Format.observed(checks, Status.WARNING)).append("</td><td>")
                    .append(Format.observed(checks, Status.INFO)).append("</td><td>")
                    .append(Format.untestable(checks)).append("</td><td>")
                    .append(Format.observed(checks, Status.SKIPPED)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void matrix() {
        html.append("<h2 id=\"coverage\">Checklist coverage</h2>\n<p>").append(e(coverage.summary()))
                .append(". A row's verdict is the worst status among the checks that cover it.</p>\n")
                .append("<table>\n<tr><th>Row</th><th>Level</th><th>Requirement</th><th>Verdict</th><th>Checks</th></tr>\n");
        String section = "";
        for (CoverageMatrix.RowCoverage row : coverage.rows()) {
            if (!row.row().section().letter().equals(section)) {
                section = row.row().section().letter();
                html.append("<tr class=\"section\"><th colspan=\"5\">").append(e(section)).append(". ")
                        .append(e(row.row().section().title())).append("</th></tr>\n");
            }
            html.append("<tr id=\"").append(Html.anchor(row.row().id())).append("\"><td><code>").append(e(row.row().id()))
                    .append("</code></td><td>").append(e(row.row().levelLabel(coverage.specVersion()))).append("</td><td>").append(e(row.row().title()))
                    .append("</td><td>").append(badge(row.cssClass(), row.label(coverage.specVersion()))).append("</td><td>");
            if (row.state() == CoverageMatrix.State.NOT_TESTABLE) {
                html.append("<span class=\"muted\">").append(e(row.row().untestable().orElseThrow())).append("</span>");
            } else if (row.state() == CoverageMatrix.State.NOT_APPLICABLE) {
                html.append("<span class=\"muted\">applies to ").append(e(row.row().versionsLabel())).append("</span>");
            }
            html.append(checkLinks(row.checks())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (!coverage.unknownRows().isEmpty()) {
            html.append("<p>Rows named by checks but missing from the checklist: ");
            coverage.unknownRows().forEach((id, checks) ->
                    html.append("<code>").append(e(id)).append("</code> (").append(checkLinks(checks)).append(") "));
            html.append("</p>\n");
        }
    }

    private String checkLinks(List<CheckResult> checks) {
        StringBuilder links = new StringBuilder();
        for (CheckResult check : checks) {
            if (!links.isEmpty()) {
                links.append(", ");
            }
            links.append(checkRef(check)).append(' ').append(badge(cssClass(check), check.status().name()));
        }
        return links.toString();
    }

    /** The check id, linked to its finding when it has one. */
    private String checkRef(CheckResult check) {
        String code = "<code>" + e(check.id()) + "</code>";
        return check.status() == Status.SUCCESS ? code : "<a href=\"#" + anchor(check) + "\">" + code + "</a>";
    }

    private void allChecks(RunResult run) {
        html.append("<h2 id=\"checks\">All checks (").append(run.checks().size()).append(")</h2>\n<table>\n")
                .append("<tr><th>Scenario</th><th>Check</th><th>Status</th><th>Level</th><th>Rows</th><th>Message</th></tr>\n");
        for (CheckResult check : run.checks()) {
            html.append("<tr><td><code>").append(e(check.scenarioId())).append("</code></td><td>").append(checkRef(check))
                    .append("</td><td>").append(badge(cssClass(check), statusLabel(check))).append("</td><td>")
                    .append(e(check.level().name())).append("</td><td>").append(e(String.join(", ", check.rows())))
                    .append("</td><td>").append(e(Format.firstLine(Format.message(check), 160))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String statusLabel(CheckResult check) {
        return check.status().name() + Format.qualifiers(check);
    }

    static String cssClass(CheckResult check) {
        return RunOutcome.isExpectedFailure(check) ? "known" : check.status().name().toLowerCase(Locale.ROOT);
    }

    static String anchor(CheckResult check) {
        return "check-" + Html.anchor(check.scenarioId() + "." + check.id());
    }

    static String badge(String cssClass, String text) {
        return "<span class=\"badge " + cssClass + "\">" + e(text) + "</span>";
    }

    static String e(String text) {
        return Html.escape(text);
    }
}
