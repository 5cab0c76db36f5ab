package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** cors-preflight-no-401 records whether the preflight answer had Access-Control-Allow-* headers. */
class CorsDetailsTest {
    private static CheckResult preflight(Set<StubDefect> defects) {
        return StubHarness.byId(StubHarness.run(defects, SpecVersion.V2025_11_25, false, List.of("cors")))
                .get("cors-preflight-no-401");
    }

    @Test
    void theAllowHeadersOfThePreflightAnswerAreNamed() {
        assertThat(preflight(Set.of()).details().get("accessControlAllowHeaders").toString())
                .contains("access-control-allow-origin").contains("access-control-allow-headers");
        assertThat(preflight(Set.of()).details()).containsEntry("note", "present");
    }

    @Test
    void aPreflightAnswerWithoutThemIsNoted() {
        CheckResult c = preflight(Set.of(StubDefect.PREFLIGHT_WITHOUT_AUTHORIZATION));
        assertThat(c.details().get("accessControlAllowHeaders").toString()).contains("access-control-allow-headers");
        CheckResult challenged = preflight(Set.of(StubDefect.PREFLIGHT_REQUIRES_AUTH));
        assertThat(challenged.details()).containsEntry("accessControlAllowHeaders", "access-control-allow-origin");
        assertThat(challenged.details()).containsEntry("note", "present");
    }
}
