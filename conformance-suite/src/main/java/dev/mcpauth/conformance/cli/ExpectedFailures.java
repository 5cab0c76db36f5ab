package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.report.StaleEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The expected-failures file: known failures of the server under test, so a run can pass
 * while they are being fixed, and cannot go stale.
 *
 * <p>Format: plain text, one entry per line, {@code scenario} (every check of that scenario) or
 * {@code scenario:check-id}; {@code #} starts a comment; blank lines are ignored.
 *
 * <p>Applying it to a run: a FAILURE that an entry matches stays a FAILURE in every report but
 * gets {@code details.expectedFailure = true} and no longer fails the run. An entry is
 * <em>stale</em>, and fails the run, when it matches nothing or when none of the checks it
 * matches failed. Entries naming a scenario that was not selected with {@code --scenario}, or
 * only checks SKIPPED under this spec version, are left alone.
 */
public final class ExpectedFailures {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /**
     * One entry.
     *
     * @param scenario scenario id
     * @param check    check id, or empty for the whole scenario
     * @param line     line number in the file, 1-based
     */
    public record Entry(String scenario, Optional<String> check, int line) {
        public Entry {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(check, "check");
        }

        public boolean matches(CheckResult result) {
            return result.scenarioId().equals(scenario) && check.map(result.id()::equals).orElse(true);
        }

        /** The entry as written: {@code scenario} or {@code scenario:check-id}. */
        public String text() {
            return check.map(c -> scenario + ":" + c).orElse(scenario);
        }
    }

    private final List<Entry> entries;

    private ExpectedFailures(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ExpectedFailures none() {
        return new ExpectedFailures(List.of());
    }

    /** Reads and parses a file; an unreadable file or a bad line is a usage error. */
    public static ExpectedFailures read(Path file) throws UsageException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read expected-failures file " + file + ": " + Problems.describe(e));
        }
        return parse(text, file.toString());
    }

    /** Parses the text of an expected-failures file; {@code source} names it in error messages. */
    public static ExpectedFailures parse(String text, String source) throws UsageException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            Entry entry = entry(line, lineNumber, source);
            Integer first = seen.putIfAbsent(entry.text(), lineNumber);
            if (first != null) {
                throw new UsageException(source + ":" + lineNumber + ": duplicate entry '" + entry.text()
                        + "' (first on line " + first + ")");
            }
            entries.add(entry);
        }
        return new ExpectedFailures(entries);
    }

    private static Entry entry(String line, int lineNumber, String source) throws UsageException {
        String[] parts = line.split(":", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= ID.matcher(part).matches();
        }
        if (!valid) {
            throw new UsageException(source + ":" + lineNumber + ": bad entry '" + line
                    + "'; write scenario or scenario:check-id");
        }
        return new Entry(parts[0], parts.length == 2 ? Optional.of(parts[1]) : Optional.empty(), lineNumber);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** True when the check is a FAILURE that some entry lists (used for console progress lines). */
    public boolean excuses(CheckResult check) {
        return check.status() == Status.FAILURE && entries.stream().anyMatch(e -> e.matches(check));
    }

    /**
     * Marks the listed failures and finds the stale entries.
     *
     * @param run                the run as the runner returned it
     * @param selectedScenarios  the {@code --scenario} selection; empty means all scenarios ran
     */
    public RunOutcome apply(RunResult run, Collection<String> selectedScenarios) {
        return apply(run, selectedScenarios, List.of());
    }

    /**
     * As {@link #apply(RunResult, Collection)}, for a run limited with {@code --check}: an entry
     * that matches none of the checks reported is left alone, neither excused nor stale.
     */
    public RunOutcome apply(RunResult run, Collection<String> selectedScenarios, Collection<String> selectedChecks) {
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (ScenarioResult scenario : run.scenarios()) {
            List<CheckResult> checks = scenario.checks().stream().map(this::mark).toList();
            scenarios.add(new ScenarioResult(scenario.id(), scenario.title(), scenario.rows(), checks));
        }
        RunResult marked = run.withScenarios(scenarios);
        List<StaleEntry> stale = new ArrayList<>();
        for (Entry entry : entries) {
            boolean outsideSelection = !selectedChecks.isEmpty() && run.checks().stream().noneMatch(entry::matches);
            if (outsideSelection) {
                continue;
            }
            staleness(entry, run, selectedScenarios).ifPresent(reason ->
                    stale.add(new StaleEntry(entry.text(), entry.line(), reason)));
        }
        return new RunOutcome(marked, stale);
    }

    private CheckResult mark(CheckResult check) {
        if (!excuses(check)) {
            return check;
        }
        Map<String, Object> details = new LinkedHashMap<>(check.details());
        details.put(RunOutcome.EXPECTED_FAILURE, true);
        return new CheckResult(check.id(), check.name(), check.description(), check.scenarioId(), check.rows(),
                check.level(), check.status(), check.timestamp(), check.specReferences(), details,
                check.errorMessage(), check.untestable(), check.exchanges());
    }

    /** Why the entry is stale, or empty when it excused at least one failure or its scenario was not selected. */
    private static Optional<String> staleness(Entry entry, RunResult run, Collection<String> selected) {
        boolean scenarioRan = run.scenarios().stream().anyMatch(s -> s.id().equals(entry.scenario()));
        if (!scenarioRan) {
            if (!selected.isEmpty() && !selected.contains(entry.scenario())) {
                return Optional.empty();
            }
            return Optional.of("matches no scenario in this run");
        }
        List<CheckResult> matched = run.checks().stream().filter(entry::matches).toList();
        if (matched.isEmpty()) {
            return Optional.of("matches no check in scenario " + entry.scenario());
        }
        if (matched.stream().anyMatch(c -> c.status() == Status.FAILURE)) {
            return Optional.empty();
        }
        if (matched.stream().allMatch(c -> c.status() == Status.SKIPPED)) {
            // Not this spec version's checks (one file serves every version): neither excused nor stale.
            return Optional.empty();
        }
        Map<Status, Integer> statuses = new TreeMap<>();
        matched.forEach(c -> statuses.merge(c.status(), 1, Integer::sum));
        StringBuilder seen = new StringBuilder();
        statuses.forEach((status, n) -> seen.append(seen.isEmpty() ? "" : ", ").append(n).append(' ').append(status));
        return Optional.of("no matched check failed any more (" + seen + "); remove the entry");
    }
}
