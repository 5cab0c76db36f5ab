package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.TokenFormat;
import dev.mcpauth.conformance.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --token-format jwt|opaque} and the scenarios each profile runs (RS-60). */
class TokenFormatArgsTest {
    private static RunCommand.Request parse(String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--target", "http://127.0.0.1:8080/mcp"));
        all.addAll(List.of(args));
        return RunCommand.parse(all, Map.of(), Optional.of(new BuiltInScenarios()));
    }

    @Test
    void jwtByDefaultOpaqueOnRequest() throws UsageException {
        assertThat(parse().options().extras().tokenFormat()).isEqualTo(TokenFormat.JWT);
        assertThat(parse("--token-format", "opaque").options().extras().tokenFormat()).isEqualTo(TokenFormat.OPAQUE);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThatThrownBy(() -> parse("--token-format", "jwe")).isInstanceOf(UsageException.class)
                .hasMessage("--token-format 'jwe' must be jwt or opaque");
    }

    @Test
    void introspectionIsListedAndRunsOnlyInTheOpaqueProfile() throws UsageException {
        assertThat(parse("--scenario", "introspection").options().scenarioIds()).containsExactly("introspection");
        assertThat(Scenarios.select(List.of(), true)).extracting(s -> s.id()).endsWith("introspection")
                .doesNotContain("key-lifecycle", "alg-none");
        assertThat(Scenarios.all()).extracting(s -> s.id()).doesNotContain("introspection");
        assertThatThrownBy(() -> Scenarios.select(List.of("introspection"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only with --token-format opaque");
        assertThatThrownBy(() -> Scenarios.select(List.of("key-lifecycle"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the opaque-token profile");
    }
}
