package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
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
        RunResult run = new RunResult("v", "http://h/mcp", SpecVersion.V2025_11_25, ReportFixtures.STARTED, Duration.ZERO,
                List.of(new ScenarioResult("s", "S", List.of(), List.of(check))));
        RunResult scrubbed = new SecretScrubber(List.of(TOKEN)).scrub(run);
        assertThat(scrubbed.toString()).doesNotContain(TOKEN).contains("[redacted]");
        assertThat(scrubbed.checks().getFirst().details()).containsEntry("n", 3);
        assertThat(scrubbed.checks().getFirst().status()).isEqualTo(Status.FAILURE);
    }

    @Test
    void withoutSecretsOrJwtLikeValuesTheRunIsUnchanged() {
        RunResult run = ReportFixtures.rawRun();
        assertThat(new SecretScrubber(List.of()).scrub(run)).isEqualTo(run);
    }

    @Test
    void jwtShapedValuesAreRedactedEvenWhenNobodyRegisteredThem() {
        String jwt = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + b64("{\"sub\":\"someone\",\"exp\":1}") + "."
                + b64("signature-bytes-here");
        int half = jwt.length() / 2;
        SecretScrubber scrubber = new SecretScrubber(List.of());
        assertThat(scrubber.scrub("Bearer " + jwt)).isEqualTo("Bearer [redacted JWT-like value]");
        String split = scrubber.scrub("Bearer " + jwt.substring(0, half) + " " + jwt.substring(half));
        assertThat(split).startsWith("Bearer [redacted JWT-like value] ").doesNotContain(jwt.substring(0, half));
        assertThat(scrubber.scrub("plain eyJ text and eyJshort")).isEqualTo("plain eyJ text and eyJshort");
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
