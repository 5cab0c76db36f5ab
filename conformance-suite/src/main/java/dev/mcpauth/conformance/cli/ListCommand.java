package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.report.RunOutcome;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code list}: prints one {@code id<TAB>title} line per scenario; with {@code --checks}, one
 * {@code check-id<TAB>scenario-id} line per check (the ids {@code run --check} takes).
 */
final class ListCommand {
    private final PrintStream out;
    private final Optional<ScenarioCatalog> catalog;

    ListCommand(PrintStream out, Optional<ScenarioCatalog> catalog) {
        this.out = out;
        this.catalog = catalog;
    }

    int execute(List<String> args) throws UsageException {
        boolean checks = args.equals(List.of("--checks"));
        if (!args.isEmpty() && !checks) {
            throw new UsageException("list takes only --checks");
        }
        ScenarioCatalog scenarios = catalog.orElseThrow(
                () -> new UsageException("this build has no scenario registry yet"));
        for (ScenarioCatalog.Scenario s : scenarios.scenarios()) {
            if (checks) {
                s.checks().forEach(c -> out.println(c + "\t" + s.id()));
            } else {
                out.println(s.id() + "\t" + s.title());
            }
        }
        return RunOutcome.EXIT_PASS;
    }
}
