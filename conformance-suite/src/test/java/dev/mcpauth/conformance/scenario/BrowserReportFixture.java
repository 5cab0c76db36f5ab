package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of its own: writes the reports of a real run against the stub broken one way
 * ({@link StubDefect#INSUFFICIENT_SCOPE_401}, a FAILURE with its exchanges) for
 * {@code ci/report-browser.sh}, which opens them in Chromium. Runs only when that script sets
 * {@code -Dreport.browser.out=DIR}.
 */
class BrowserReportFixture {
    static final String OUT = "report.browser.out";

    @Test
    @EnabledIfSystemProperty(named = OUT, matches = ".+")
    void writeAFailingReport() throws IOException {
        RunResult run = StubHarness.run(Set.of(StubDefect.INSUFFICIENT_SCOPE_401), SpecVersion.V2025_11_25, false,
                List.of("missing-token", "valid-token", "insufficient-scope", "scope-challenge"));
        RunOutcome outcome = RunOutcome.of(run);
        assertThat(outcome.passed()).isFalse();
        new ReportWriter(Checklist.bundled()).write(outcome, Path.of(System.getProperty(OUT)));
    }
}
