package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.report.ReportFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    private static ConsoleProgress progress(ExpectedFailures expected, String... secrets) {
        return new ConsoleProgress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), expected,
                new SecretScrubber(List.of(secrets)));
    }

    private static CheckResult check(Status status, String message, boolean untestable) {
        return ReportFixtures.check("s", "the-check", "The check", List.of(), Level.MUST, status, 0, Map.of(), message,
                untestable, List.of());
    }

    @ParameterizedTest
    @CsvSource({"SUCCESS,✓", "FAILURE,✗", "WARNING,!", "INFO,i", "SKIPPED,-"})
    void eachStatusHasItsMarker(Status status, String marker) {
        assertThat(progress(ExpectedFailures.none()).line(check(status, "msg", false)))
                .isEqualTo("  " + marker + " the-check  msg");
    }

    @Test
    void aCheckWithoutMessageShowsItsName() {
        assertThat(progress(ExpectedFailures.none()).line(check(Status.SUCCESS, null, false)))
                .isEqualTo("  ✓ the-check  The check");
    }

    @Test
    void longAndMultiLineMessagesAreCutToOneShortLine() {
        String line = progress(ExpectedFailures.none()).line(check(Status.FAILURE, "x".repeat(300) + "\nsecond", false));
        assertThat(line).hasLineCount(1).endsWith("…").hasSizeLessThan(150);
    }

    @Test
    void untestableAndExpectedFailuresAreMarked() throws UsageException {
        ExpectedFailures expected = ExpectedFailures.parse("s:the-check", "f");
        assertThat(progress(expected).line(check(Status.FAILURE, "m", true)))
                .isEqualTo("  ✗ the-check [untestable, expected failure]  m");
        assertThat(progress(expected).line(check(Status.FAILURE, "m", false)))
                .isEqualTo("  ✗ the-check [expected failure]  m");
        assertThat(progress(ExpectedFailures.none()).line(check(Status.FAILURE, "m", true)))
                .isEqualTo("  ✗ the-check [untestable]  m");
    }

    @Test
    void secretsNeverReachTheConsole() {
        assertThat(progress(ExpectedFailures.none(), "token-value-123").line(check(Status.FAILURE, "saw token-value-123", false)))
                .isEqualTo("  ✗ the-check  saw [redacted]");
    }
}
