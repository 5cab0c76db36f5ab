package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlWriterTest {

    private static String render(CheckResult... checks) {
        RunResult run = new RunResult("v", "http://h/mcp", SpecVersion.V2025_11_25, ReportFixtures.STARTED, Duration.ofMillis(5),
                List.of(new ScenarioResult("s", "S", List.of(), List.of(checks))));
        return JUnitXmlWriter.render(RunOutcome.of(run));
    }

    private static CheckResult check(String id, Level level, Status status, boolean untestable) {
        return ReportFixtures.check("s", id, id, List.of(), level, status, 0, Map.of(), "why", untestable, List.of());
    }

    @Test
    void anUntestableShouldLevelWarningStaysAPassingTestCase() {
        String xml = render(check("w", Level.SHOULD, Status.WARNING, true));
        assertThat(xml).contains("<system-out>WARNING (untestable): why").doesNotContain("<error").doesNotContain("<failure");
    }

    @Test
    void aCleanRunHasNoFailuresAndNoStaleSuite() {
        String xml = render(check("a", Level.MUST, Status.SUCCESS, false), check("b", Level.MAY, Status.INFO, false));
        assertThat(xml).contains("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.005\"")
                .contains("<testcase classname=\"s\" name=\"a\"/>").contains("<testcase classname=\"s\" name=\"b\"/>")
                .doesNotContain(JUnitXmlWriter.STALE_SUITE);
    }

    @Test
    void xmlCannotCarryControlCharactersSoTheyAreReplaced() {
        assertThat(JUnitXmlWriter.clean("a\u0000b\u001Bc\td\uD800e😀")).isEqualTo("a\uFFFDb\uFFFDc\td\uFFFDe😀");
    }
}
