package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.ChecklistRow;

import dev.mcpauth.conformance.spec.Checklist;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mcpauth.conformance.report.CoverageMatrix.State.COVERED;
import static dev.mcpauth.conformance.report.CoverageMatrix.State.NOT_APPLICABLE;
import static dev.mcpauth.conformance.report.CoverageMatrix.State.NOT_COVERED;
import static dev.mcpauth.conformance.report.CoverageMatrix.State.NOT_TESTABLE;
import static org.assertj.core.api.Assertions.assertThat;

class CoverageMatrixTest {
    private static final Checklist CATALOGUE = Checklist.bundled();

    private static CheckResult check(String id, Status status, String... rows) {
        return ReportFixtures.check("s", id, id, List.of(rows), Level.MUST, status, 0, Map.of(), null, false, List.of());
    }

    private static CoverageMatrix matrix(SpecVersion specVersion, CheckResult... checks) {
        RunResult run = new RunResult("v", "http://h/mcp", specVersion, ReportFixtures.STARTED, Duration.ZERO,
                List.of(new ScenarioResult("s", "S", List.of(), List.of(checks))));
        return CoverageMatrix.of(run, CATALOGUE);
    }

    private static CoverageMatrix.RowCoverage row(CoverageMatrix matrix, String id) {
        return matrix.rows().stream().filter(r -> r.row().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyCatalogueRowAppearsOnceInOrder() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_11_25);
        assertThat(matrix.rows()).extracting(r -> r.row().id()).isEqualTo(CATALOGUE.rows().stream().map(ChecklistRow::id).toList());
    }

    @Test
    void aRowTakesTheWorstStatusOfItsChecks() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_11_25,
                check("a", Status.SUCCESS, "RS-17"), check("b", Status.WARNING, "RS-17"), check("c", Status.INFO, "RS-17"),
                check("d", Status.SUCCESS, "RS-18"), check("e", Status.SKIPPED, "RS-18"),
                check("f", Status.INFO, "RS-19"), check("g", Status.SUCCESS, "RS-19"),
                check("h", Status.WARNING, "RS-20"), check("i", Status.FAILURE, "RS-20"));
        assertThat(row(matrix, "RS-17").label(SpecVersion.V2025_11_25)).isEqualTo("WARNING");
        assertThat(row(matrix, "RS-18").label(SpecVersion.V2025_11_25)).isEqualTo("SUCCESS");
        assertThat(row(matrix, "RS-19").label(SpecVersion.V2025_11_25)).isEqualTo("INFO");
        assertThat(row(matrix, "RS-20").label(SpecVersion.V2025_11_25)).isEqualTo("FAILURE");
        assertThat(row(matrix, "RS-20").cssClass()).isEqualTo("failure");
        assertThat(row(matrix, "RS-17").checks()).extracting(CheckResult::id).containsExactly("a", "b", "c");
    }

    @Test
    void aRowWhoseOnlyFailuresAreExpectedSaysSo() {
        CheckResult known = check("k", Status.FAILURE, "RS-53");
        known = new CheckResult(known.id(), known.name(), known.description(), known.scenarioId(), known.rows(),
                known.level(), known.status(), known.timestamp(), known.specReferences(),
                Map.of(RunOutcome.EXPECTED_FAILURE, true), known.errorMessage(), false, known.exchanges());
        CoverageMatrix matrix = matrix(SpecVersion.V2025_11_25, known, check("ok", Status.SUCCESS, "RS-53"));
        assertThat(row(matrix, "RS-53").label(SpecVersion.V2025_11_25)).isEqualTo("FAILURE (expected)");
        assertThat(row(matrix, "RS-53").cssClass()).isEqualTo("known");
    }

    @Test
    void uncoveredRowsSayWhy() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_06_18, check("a", Status.SUCCESS, "RS-17"));
        assertThat(row(matrix, "RS-17").state()).isEqualTo(COVERED);
        assertThat(row(matrix, "RS-01").state()).isEqualTo(NOT_COVERED);
        assertThat(row(matrix, "RS-01").label(SpecVersion.V2025_06_18)).isEqualTo("not covered");
        assertThat(row(matrix, "RS-63").state()).isEqualTo(NOT_APPLICABLE);
        assertThat(row(matrix, "RS-63").label(SpecVersion.V2025_06_18)).isEqualTo("not applicable to 2025-06-18");
        assertThat(row(matrix, "RS-60").state()).isEqualTo(NOT_TESTABLE);
        assertThat(matrix.count(COVERED)).isEqualTo(1);
        assertThat(matrix.summary()).isEqualTo("1 of 68 applicable checklist rows covered (3 not black-box testable, 64 not covered; "
                + "10 of the 78 rows do not apply to 2025-06-18)");
    }

    @Test
    void aCheckOnANotTestableRowStillCountsAsCoverage() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_11_25, check("a", Status.FAILURE, "RS-60"));
        assertThat(row(matrix, "RS-60").state()).isEqualTo(COVERED);
        assertThat(row(matrix, "RS-60").label(SpecVersion.V2025_11_25)).isEqualTo("FAILURE");
    }

    @Test
    void aRowOfALaterVersionWhoseChecksWereSkippedIsNotApplicableNotCovered() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_06_18, check("a", Status.SKIPPED, "RS-64"), check("b", Status.SKIPPED, "RS-17"));
        assertThat(row(matrix, "RS-64").state()).isEqualTo(NOT_APPLICABLE);
        assertThat(row(matrix, "RS-17").state()).as("the row applies: a skipped check still shows").isEqualTo(COVERED);
    }

    @Test
    void rowsMissingFromTheCatalogueAreReportedNotDropped() {
        CoverageMatrix matrix = matrix(SpecVersion.V2025_11_25, check("a", Status.SUCCESS, "RS-17", "RS-99"));
        assertThat(matrix.unknownRows()).containsOnlyKeys("RS-99");
    }
}
