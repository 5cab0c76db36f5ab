package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** RS-75: a server that drops the connection on a 64 KB token, and still answers afterwards, refused it cleanly. */
class OversizedResetTest {
    @Test
    void aResetFollowedByANormalAnswerIsACleanRefusal() {
        CheckResult c = StubHarness.byId(StubHarness.run(Set.of(StubDefect.RESET_ON_OVERSIZED), SpecVersion.V2025_11_25, false,
                List.of("non-jwt-token"))).get("non-jwt-token-oversized");
        assertThat(c.status()).isEqualTo(Status.SUCCESS);
        assertThat(c.details()).containsEntry("outcome", "connection closed without a response")
                .containsEntry("followUpOnNewConnection", 401).containsKey("transportError");
        assertThat(c.exchanges()).hasSize(2);
    }

    @Test
    void aServerThatStopsAnsweringAfterwardsIsWarned() {
        CheckResult c = StubHarness.byId(StubHarness.run(Set.of(StubDefect.HANG_UP_AFTER_OVERSIZED), SpecVersion.V2025_11_25,
                false, List.of("non-jwt-token"))).get("non-jwt-token-oversized");
        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.untestable()).isFalse();
        assertThat(c.errorMessage()).get().asString().contains("did not survive");
    }
}
