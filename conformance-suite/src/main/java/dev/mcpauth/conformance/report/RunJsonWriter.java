package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import jakarta.json.stream.JsonGenerator;

import java.util.List;

/**
 * {@code run.json}: the run's metadata next to {@code checks.json}: suite version, target, spec
 * version, start, duration, counts per status and per scenario, stale expected-failure entries,
 * the unexpected failures, checklist coverage and the verdict with its exit code.
 */
public final class RunJsonWriter {
    private RunJsonWriter() {
    }

    public static String render(RunOutcome outcome, CoverageMatrix coverage) {
        RunResult run = outcome.result();
        return JsonOutput.render(g -> {
            g.writeStartObject();
            g.write("suite", "mcp-auth-conformance");
            g.write("suiteVersion", run.suiteVersion());
            g.write("target", run.target());
            g.write("specVersion", run.specVersion().label());
            g.write("startedAt", run.startedAt().toString());
            g.write("duration", run.duration().toString());
            g.write("durationMillis", run.duration().toMillis());
            g.write("verdict", outcome.verdict());
            g.write("exitCode", outcome.exitCode());
            counts(g, "counts", run.checks());
            if (!run.notes().isEmpty()) {
                g.writeStartArray("notes");
                run.notes().forEach(g::write);
                g.writeEnd();
            }
            g.writeStartArray("unexpectedFailures");
            outcome.unexpectedFailures().forEach(c -> g.write(c.scenarioId() + ":" + c.id()));
            g.writeEnd();
            g.writeStartArray("expectedFailures");
            outcome.expectedFailures().forEach(c -> g.write(c.scenarioId() + ":" + c.id()));
            g.writeEnd();
            g.writeStartArray("staleExpectedFailures");
            for (StaleEntry stale : outcome.staleEntries()) {
                g.writeStartObject().write("entry", stale.entry()).write("line", stale.line())
                        .write("reason", stale.reason()).writeEnd();
            }
            g.writeEnd();
            g.writeStartArray("scenarios");
            for (ScenarioResult scenario : run.scenarios()) {
                g.writeStartObject();
                g.write("id", scenario.id());
                g.write("title", scenario.title());
                JsonOutput.member(g, "rows", scenario.rows());
                g.write("passed", scenario.checks().stream().noneMatch(RunOutcome::isUnexpectedFailure));
                counts(g, "counts", scenario.checks());
                g.writeEnd();
            }
            g.writeEnd();
            coverage(g, coverage);
            g.writeEnd();
        });
    }

    private static void counts(JsonGenerator g, String name, List<CheckResult> checks) {
        g.writeStartObject(name);
        g.write("total", checks.size());
        for (Status status : Status.values()) {
            g.write(status.name(), checks.stream().filter(c -> c.status() == status).count());
        }
        g.write("expectedFailures", checks.stream().filter(RunOutcome::isExpectedFailure).count());
        g.write("untestable", checks.stream().filter(CheckResult::untestable).count());
        g.writeEnd();
    }

    private static void coverage(JsonGenerator g, CoverageMatrix coverage) {
        g.writeStartObject("coverage");
        g.write("summary", coverage.summary());
        g.writeStartArray("rows");
        for (CoverageMatrix.RowCoverage row : coverage.rows()) {
            g.writeStartObject();
            g.write("id", row.row().id());
            g.write("verdict", row.label(coverage.specVersion()));
            g.writeStartArray("checks");
            row.checks().forEach(c -> g.write(c.scenarioId() + ":" + c.id()));
            g.writeEnd();
            g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("unknownRows");
        coverage.unknownRows().keySet().forEach(g::write);
        g.writeEnd();
        g.writeEnd();
    }
}
