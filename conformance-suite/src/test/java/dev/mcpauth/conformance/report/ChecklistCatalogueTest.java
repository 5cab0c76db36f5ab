package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.SpecVersion;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecklistCatalogueTest {
    private static final String HEADER = "id\tsection\tsection_title\tlevel\tversions\ttitle\tnot_testable\n";

    @Test
    void bundledCatalogueListsRs01ToRs78InOrder() {
        List<String> ids = ChecklistCatalogue.bundled().rows().stream().map(ChecklistRow::id).toList();
        List<String> expected = IntStream.rangeClosed(1, 78).mapToObj(i -> String.format("RS-%02d", i)).toList();
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void bundledCatalogueHasSectionsAToIWithTitles() {
        ChecklistCatalogue catalogue = ChecklistCatalogue.bundled();
        assertThat(catalogue.rows()).extracting(ChecklistRow::section).containsOnly("A", "B", "C", "D", "E", "F", "G", "H", "I");
        assertThat(catalogue.row("RS-17").orElseThrow().sectionTitle()).isEqualTo("The 401 challenge");
        assertThat(catalogue.row("RS-41").orElseThrow().sectionTitle()).isEqualTo("JWT access tokens");
        assertThat(catalogue.row("RS-19").orElseThrow().level()).isEqualTo("SHOULD NOT");
    }

    @Test
    void bundledCatalogueExplainsTheRowsThatCannotBeTestedOverHttp() {
        ChecklistCatalogue catalogue = ChecklistCatalogue.bundled();
        assertThat(catalogue.row("RS-72").orElseThrow().notTestable()).hasValueSatisfying(r -> assertThat(r).contains("grey box"));
        assertThat(catalogue.row("RS-60").orElseThrow().notTestable()).hasValueSatisfying(r -> assertThat(r).contains("introspect"));
        assertThat(catalogue.row("RS-58").orElseThrow().notTestable()).as("covered by a grey-box check").isEmpty();
        assertThat(catalogue.row("RS-74").orElseThrow().notTestable()).hasValueSatisfying(r -> assertThat(r).contains("review"));
        assertThat(catalogue.row("RS-78").orElseThrow().notTestable()).hasValueSatisfying(r -> assertThat(r).contains("review"));
        assertThat(catalogue.row("RS-15").orElseThrow().notTestable()).hasValueSatisfying(r -> assertThat(r).contains("2025-03-26"));
        assertThat(catalogue.row("RS-17").orElseThrow().notTestable()).isEmpty();
    }

    @Test
    void versionsDecideWhichSpecVersionsARowAppliesTo() {
        ChecklistCatalogue catalogue = ChecklistCatalogue.bundled();
        assertThat(catalogue.row("RS-17").orElseThrow().appliesTo(SpecVersion.V2025_06_18)).isTrue();
        assertThat(catalogue.row("RS-12").orElseThrow().appliesTo(SpecVersion.V2025_06_18)).isFalse();
        assertThat(catalogue.row("RS-12").orElseThrow().appliesTo(SpecVersion.V2025_11_25)).isTrue();
        assertThat(catalogue.row("RS-15").orElseThrow().appliesTo(SpecVersion.V2025_11_25)).isFalse();
        assertThat(catalogue.row("RS-65").orElseThrow().appliesTo(SpecVersion.V2025_11_25)).isFalse();
        assertThat(catalogue.row("RS-69").orElseThrow().appliesTo(SpecVersion.V2025_11_25)).isTrue();
        assertThat(catalogue.row("RS-69").orElseThrow().appliesTo(SpecVersion.V2026_07_28)).isFalse();
        assertThat(catalogue.row("RS-69").orElseThrow().versionsLabel()).isEqualTo("2025-03-26 to 2025-11-25");
        assertThat(catalogue.row("RS-01").orElseThrow().versionsLabel()).isEqualTo("2025-06-18 and later");
    }

    @Test
    void parseSkipsCommentsAndReadsTheOptionalColumn() {
        ChecklistCatalogue catalogue = ChecklistCatalogue.parse("# comment\n" + HEADER
                + "RS-01\tA\tPRM\tMUST\t06+\tServes a PRM\t\n"
                + "RS-02\tA\tPRM\tMAY\tall\tSomething\treview only\n");
        assertThat(catalogue.rows()).hasSize(2);
        assertThat(catalogue.rows().get(0).notTestable()).isEmpty();
        assertThat(catalogue.rows().get(1).notTestable()).contains("review only");
    }

    @Test
    void parseRejectsAWrongHeader() {
        assertThatThrownBy(() -> ChecklistCatalogue.parse("id\ttitle\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
    }

    @Test
    void parseRejectsARepeatedRow() {
        String row = "RS-01\tA\tPRM\tMUST\t06+\tServes a PRM\t\n";
        assertThatThrownBy(() -> ChecklistCatalogue.parse(HEADER + row + row))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    @Test
    void parseRejectsABadIdAMissingCellAndAnUnknownVersion() {
        assertThatThrownBy(() -> ChecklistCatalogue.parse(HEADER + "RS-1\tA\tPRM\tMUST\t06+\tx\t\n"))
                .hasMessageContaining("bad row id");
        assertThatThrownBy(() -> ChecklistCatalogue.parse(HEADER + "RS-01\tA\tPRM\tMUST\t06+\tx\n"))
                .hasMessageContaining("expected 7");
        assertThatThrownBy(() -> ChecklistCatalogue.parse(HEADER + "RS-01\tA\tPRM\tMUST\t07+\tx\t\n"))
                .hasMessageContaining("unknown spec version code");
        assertThatThrownBy(() -> ChecklistCatalogue.parse(HEADER + "RS-01\tA\tPRM\t\t06+\tx\t\n"))
                .hasMessageContaining("empty level");
    }
}
