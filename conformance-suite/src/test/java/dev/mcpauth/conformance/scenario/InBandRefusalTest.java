package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS-62: a server that protects a tool but refuses a low-scope call inside a 200 (the Spring AI and
 * Quarkus peers) fails insufficient-scope-status-403, and the message says how it refused.
 */
class InBandRefusalTest {
    private static final List<String> SCENARIOS = List.of("insufficient-scope");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSUFFICIENT_SCOPE_IN_BAND  | false | refused in-band instead: a tool result with isError: true",
        "INSUFFICIENT_SCOPE_IN_BAND  | true  | refused in-band instead: a tool result with isError: true",
        "INSUFFICIENT_SCOPE_RPC_ERROR | false | refused in-band instead: JSON-RPC error -32001"})
    void rs62InBandRefusalFailsAndSaysSo(StubDefect defect, boolean sse, String expected) {
        CheckResult status = StubHarness.byId(StubHarness.run(Set.of(defect), SpecVersion.V2025_11_25, sse, SCENARIOS))
                .get("insufficient-scope-status-403");
        assertThat(status.status()).isEqualTo(Status.FAILURE);
        assertThat(status.untestable()).isFalse();
        assertThat(status.errorMessage()).get().asString().contains("expected 403; got 200").endsWith(expected + ")");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rs62CorrectServerPassesWithNoInBandNote(boolean sse) {
        CheckResult status = StubHarness.byId(StubHarness.run(Set.of(), SpecVersion.V2025_11_25, sse, SCENARIOS))
                .get("insufficient-scope-status-403");
        assertThat(status.status()).isEqualTo(Status.SUCCESS);
        assertThat(status.errorMessage().orElse("")).doesNotContain("in-band");
    }
}
