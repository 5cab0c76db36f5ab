package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.SpecReference;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.mcpauth.conformance.report.HtmlReportWriter.anchor;
import static dev.mcpauth.conformance.report.HtmlReportWriter.badge;
import static dev.mcpauth.conformance.report.HtmlReportWriter.cssClass;
import static dev.mcpauth.conformance.report.HtmlReportWriter.e;
import static dev.mcpauth.conformance.report.HtmlReportWriter.statusLabel;

/** The findings part of {@code report.html}: every check that is not SUCCESS, with what it saw. */
final class HtmlFindings {
    private HtmlFindings() {
    }

    /**
     * Failures and warnings under "Not passed"; INFO notes and SKIPPED checks in their own
     * sections, so a green run never shows a list of checks that "did not pass".
     */
    static void append(StringBuilder html, RunResult run) {
        List<CheckResult> notPassed = sorted(run, c -> c.status() == Status.FAILURE || c.status() == Status.WARNING);
        html.append("<h2 id=\"findings\">Not passed: failures and warnings (").append(notPassed.size())
                .append(")</h2>\n");
        if (notPassed.isEmpty()) {
            html.append("<p>No check failed or warned.</p>\n");
        }
        notPassed.forEach(c -> finding(html, c));
        List<CheckResult> info = sorted(run, c -> c.status() == Status.INFO);
        if (!info.isEmpty()) {
            html.append("<h2 id=\"notes\">Notes: INFO (").append(info.size()).append(")</h2>\n<p>Behaviour no rule "
                    + "requires or forbids, and untestable MAY checks; they never fail the run.</p>\n");
            info.forEach(c -> finding(html, c));
        }
        List<CheckResult> skipped = sorted(run, c -> c.status() == Status.SKIPPED);
        if (!skipped.isEmpty()) {
            html.append("<h2 id=\"skipped\">Skipped (").append(skipped.size()).append(")</h2>\n<p>Checks that do not "
                    + "apply to spec ").append(e(run.specVersion().label())).append(".</p>\n");
            skipped.forEach(c -> finding(html, c));
        }
    }

    private static List<CheckResult> sorted(RunResult run, java.util.function.Predicate<CheckResult> which) {
        return run.checks().stream().filter(which).sorted(Comparator.comparingInt(HtmlFindings::findingRank))
                .toList();
    }

    private static int findingRank(CheckResult check) {
        if (RunOutcome.isUnexpectedFailure(check)) {
            return 0;
        }
        return RunOutcome.isExpectedFailure(check) ? 1 : 6 - Format.severity(check.status());
    }

    private static void finding(StringBuilder html, CheckResult check) {
        html.append("<section class=\"check\" id=\"").append(anchor(check)).append("\">\n<h3>")
                .append(badge(cssClass(check), statusLabel(check))).append(" <code>").append(e(check.id()))
                .append("</code> ").append(e(check.name())).append("</h3>\n");
        html.append("<p class=\"muted\">Scenario <code>").append(e(check.scenarioId())).append("</code> · level ")
                .append(e(check.level().name())).append(" · rows ").append(e(String.join(", ", check.rows())))
                .append(" · ").append(e(check.timestamp().toString())).append("</p>\n");
        check.errorMessage().ifPresent(m -> html.append("<pre>").append(e(m)).append("</pre>\n"));
        html.append("<p>").append(e(check.description())).append("</p>\n");
        if (!check.specReferences().isEmpty()) {
            html.append("<p>Spec: ");
            for (SpecReference ref : check.specReferences()) {
                html.append(Html.linkable(ref.url())
                        ? "<a href=\"" + e(ref.url()) + "\">" + e(ref.id()) + "</a> "
                        : e(ref.id() + " " + ref.url()) + " ");
            }
            html.append("</p>\n");
        }
        if (!check.details().isEmpty()) {
            html.append("<table class=\"meta\">\n");
            for (Map.Entry<String, Object> detail : check.details().entrySet()) {
                html.append("<tr><th>").append(e(detail.getKey())).append("</th><td><code>")
                        .append(e(CheckText.value(detail.getValue()))).append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        int n = 0;
        for (Exchange exchange : check.exchanges()) {
            html.append("<p>Exchange ").append(++n).append(": <code>").append(e(exchange.method())).append(' ')
                    .append(e(exchange.url())).append("</code> → ")
                    .append(exchange.status() == 0 ? "no response" : Integer.toString(exchange.status())).append("</p>\n")
                    .append("<pre>").append(e(CheckText.exchange(exchange))).append("</pre>\n");
        }
        html.append("</section>\n");
    }
}
