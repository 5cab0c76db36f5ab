package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.check.CheckResult;
import dev.mcpauth.conformance.check.Exchange;
import dev.mcpauth.conformance.check.Level;
import dev.mcpauth.conformance.check.RunResult;
import dev.mcpauth.conformance.check.ScenarioResult;
import dev.mcpauth.conformance.check.Status;
import dev.mcpauth.conformance.report.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberTest {
    private static final String TOKEN = "operator-token-abcdef";

    @Test
    void replacesEveryOccurrenceInText() {
        SecretScrubber scrubber = new SecretScrubber(List.of(TOKEN));
        assertThat(scrubber.scrub("Bearer " + TOKEN + " and " + TOKEN)).isEqualTo("Bearer [redacted] and [redacted]");
    }

    @Test
    void longerSecretsGoFirstSoNoTailIsLeft() {
        SecretScrubber scrubber = new SecretScrubber(List.of("abcd", "abcdefgh"));
        assertThat(scrubber.scrub("x abcdefgh y")).isEqualTo("x [redacted] y");
    }

    @Test
    void tooShortSecretsAreIgnored() {
        assertThat(new SecretScrubber(List.of("abc")).scrub("abc")).isEqualTo("abc");
    }

    @Test
    void scrubsMessagesDetailsAndExchangesOfARun() {
        Exchange exchange = new Exchange("POST", "http://h/mcp?access_token=" + TOKEN,
                List.of(Map.entry("Authorization", "Bearer " + TOKEN)), "{\"t\":\"" + TOKEN + "\"}", 200,
                List.of(Map.entry("X-Echo", TOKEN)), "echo " + TOKEN);
        Map<String, Object> details = Map.of("nested", Map.of("list", List.of("a " + TOKEN)), "n", 3);
        CheckResult check = ReportFixtures.check("s", "c", "name " + TOKEN, List.of(), Level.MUST, Status.FAILURE, 0,
                details, "got " + TOKEN, false, List.of(exchange));
        RunResult run = new RunResult("v", "http://h/mcp", "2025-11-25", ReportFixtures.STARTED, Duration.ZERO,
                List.of(new ScenarioResult("s", "S", List.of(), List.of(check))));
        RunResult scrubbed = new SecretScrubber(List.of(TOKEN)).scrub(run);
        assertThat(scrubbed.toString()).doesNotContain(TOKEN).contains("[redacted]");
        assertThat(scrubbed.checks().getFirst().details()).containsEntry("n", 3);
        assertThat(scrubbed.checks().getFirst().status()).isEqualTo(Status.FAILURE);
    }

    @Test
    void withoutSecretsTheRunIsReturnedAsIs() {
        RunResult run = ReportFixtures.rawRun();
        assertThat(new SecretScrubber(List.of()).scrub(run)).isSameAs(run);
    }
}
