package dev.mcpauth.conformance.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecVersionTest {
    @Test
    void parsesEveryRunnableVersionFromItsDate() {
        assertThat(SpecVersion.parse("2025-06-18")).isEqualTo(SpecVersion.V2025_06_18);
        assertThat(SpecVersion.parse(" 2025-11-25 ")).isEqualTo(SpecVersion.V2025_11_25);
        assertThat(SpecVersion.parse("2026-07-28")).isEqualTo(SpecVersion.V2026_07_28);
        assertThat(SpecVersion.runnableVersions()).extracting(SpecVersion::label)
                .containsExactly("2025-06-18", "2025-11-25", "2026-07-28");
    }

    @Test
    void refusesAVersionItCannotRunWithOneLineNamingTheChoices() {
        assertThatThrownBy(() -> SpecVersion.parse("2025-03-26"))
                .hasMessage("unsupported spec version '2025-03-26'; use one of 2025-06-18, 2025-11-25, 2026-07-28");
        assertThatThrownBy(() -> SpecVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByDate() {
        assertThat(SpecVersion.V2026_07_28.atLeast(SpecVersion.V2025_11_25)).isTrue();
        assertThat(SpecVersion.V2025_06_18.atMost(SpecVersion.V2025_11_25)).isTrue();
        assertThat(SpecVersion.V2025_06_18.atLeast(SpecVersion.V2025_11_25)).isFalse();
        assertThat(SpecVersion.fromCode("03")).isEqualTo(SpecVersion.V2025_03_26);
    }
}
