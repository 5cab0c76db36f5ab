package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.report.RunOutcome;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code list}: prints one {@code id<TAB>title} line per scenario. */
final class ListCommand {
    private final PrintStream out;
    private final Optional<ScenarioCatalog> catalog;

    ListCommand(PrintStream out, Optional<ScenarioCatalog> catalog) {
        this.out = out;
        this.catalog = catalog;
    }

    int execute(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("list takes no arguments");
        }
        ScenarioCatalog scenarios = catalog.orElseThrow(
                () -> new UsageException("this build has no scenario registry yet"));
        scenarios.scenarios().forEach(s -> out.println(s.id() + "\t" + s.title()));
        return RunOutcome.EXIT_PASS;
    }
}
