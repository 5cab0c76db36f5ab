package dev.mcpauth.conformance.cli;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInScenariosTest {

    @Test
    void listsTheSeedScenariosWithUniqueIdsAndTitles() {
        List<ScenarioCatalog.Scenario> scenarios = new BuiltInScenarios().scenarios();
        List<String> ids = scenarios.stream().map(ScenarioCatalog.Scenario::id).toList();
        assertThat(ids).contains("missing-token", "expired-token", "wrong-audience", "insufficient-scope");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(scenarios).allSatisfy(s -> assertThat(s.title()).isNotBlank());
    }
}
