package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.ChecklistRow;

import dev.mcpauth.conformance.spec.Checklist;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every checklist row against the verdict of the checks that cover it. A row's verdict is the
 * worst status among its checks; a row no check covered says why: not covered yet, not
 * applicable to the spec version run, or not testable over HTTP.
 */
public final class CoverageMatrix {

    /** How a row stands in this run. */
    public enum State {
        COVERED, NOT_COVERED, NOT_APPLICABLE, NOT_TESTABLE
    }

    /**
     * One row of the matrix.
     *
     * @param row    the checklist row
     * @param state  whether checks covered it, and if not why
     * @param checks the checks that name this row, in run order
     */
    public record RowCoverage(ChecklistRow row, State state, List<CheckResult> checks) {
        public RowCoverage {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(state, "state");
            checks = List.copyOf(checks);
        }

        /** The worst status among the checks, when any covered the row. */
        public Optional<Status> worst() {
            return checks.stream().map(CheckResult::status).max(Comparator.comparingInt(Format::severity));
        }

        /** Verdict text, e.g. "FAILURE", "FAILURE (expected)", "not covered". */
        public String label(SpecVersion specVersion) {
            return switch (state) {
                case NOT_COVERED -> "not covered";
                case NOT_APPLICABLE -> "not applicable to " + specVersion;
                case NOT_TESTABLE -> "not black-box testable";
                case COVERED -> worst().map(Enum::name).orElseThrow() + qualifier();
            };
        }

        /** A CSS-friendly class name of the verdict: failure, known, warning, … or uncovered/na. */
        public String cssClass() {
            return switch (state) {
                case NOT_COVERED -> "uncovered";
                case NOT_APPLICABLE, NOT_TESTABLE -> "na";
                case COVERED -> qualifier().contains("expected") ? "known"
                        : worst().orElseThrow().name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private String qualifier() {
            List<CheckResult> unexpected = checks.stream().filter(RunOutcome::isUnexpectedFailure).toList();
            if (!unexpected.isEmpty()) {
                return unexpected.stream().allMatch(CheckResult::untestable) ? " (untestable)" : "";
            }
            Status worst = worst().orElseThrow();
            if (worst != Status.FAILURE && worst != Status.SUCCESS && worst != Status.SKIPPED
                    && checks.stream().filter(c -> c.status() == worst).allMatch(CheckResult::untestable)) {
                return " (untestable)";
            }
            boolean anyFailure = checks.stream().anyMatch(c -> c.status() == Status.FAILURE);
            return anyFailure ? " (expected)" : "";
        }
    }

    private final SpecVersion specVersion;
    private final List<RowCoverage> rows;
    private final Map<String, List<CheckResult>> unknownRows;

    private CoverageMatrix(SpecVersion specVersion, List<RowCoverage> rows, Map<String, List<CheckResult>> unknownRows) {
        this.specVersion = specVersion;
        this.rows = List.copyOf(rows);
        this.unknownRows = unknownRows;
    }

    public static CoverageMatrix of(RunResult run, Checklist catalogue) {
        Map<String, List<CheckResult>> byRow = new LinkedHashMap<>();
        for (CheckResult check : run.checks()) {
            for (String row : check.rows()) {
                List<CheckResult> list = byRow.computeIfAbsent(row, r -> new ArrayList<>());
                if (!list.contains(check)) {
                    list.add(check);
                }
            }
        }
        List<RowCoverage> rows = new ArrayList<>();
        for (ChecklistRow row : catalogue.rows()) {
            List<CheckResult> checks = byRow.remove(row.id());
            boolean onlySkipped = checks != null && checks.stream().allMatch(c -> c.status() == Status.SKIPPED);
            if (checks != null && !(onlySkipped && !row.appliesTo(run.specVersion()))) {
                rows.add(new RowCoverage(row, State.COVERED, checks));
            } else if (!row.appliesTo(run.specVersion())) {
                rows.add(new RowCoverage(row, State.NOT_APPLICABLE, List.of()));
            } else if (row.untestable().isPresent()) {
                rows.add(new RowCoverage(row, State.NOT_TESTABLE, List.of()));
            } else {
                rows.add(new RowCoverage(row, State.NOT_COVERED, List.of()));
            }
        }
        return new CoverageMatrix(run.specVersion(), rows, java.util.Collections.unmodifiableMap(byRow));
    }

    public SpecVersion specVersion() {
        return specVersion;
    }

    public List<RowCoverage> rows() {
        return rows;
    }

    /** Rows named by checks but absent from the catalogue (a typo in a scenario), with those checks. */
    public Map<String, List<CheckResult>> unknownRows() {
        return unknownRows;
    }

    public long count(State state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }

    /** Rows that apply to the run's spec version: the one denominator every report uses. */
    public long applicable() {
        return rows.size() - count(State.NOT_APPLICABLE);
    }

    /**
     * "31 of 73 applicable checklist rows covered (5 not black-box testable, 37 not covered; 5 of the 78 rows
     * do not apply to 2025-06-18)".
     */
    public String summary() {
        return count(State.COVERED) + " of " + applicable() + " applicable checklist rows covered ("
                + count(State.NOT_TESTABLE) + " not black-box testable, " + count(State.NOT_COVERED) + " not covered; "
                + count(State.NOT_APPLICABLE) + " of the " + rows.size() + " rows do not apply to " + specVersion + ")";
    }
}
