package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.report.ChecklistDocument;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.spec.ChecklistRow;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code checklist}: prints the checklist rows ({@code id<TAB>level<TAB>title}), or with
 * {@code --markdown} the whole document that {@code docs/rs-checklist.md} holds.
 */
final class ChecklistCommand {
    private final PrintStream out;

    ChecklistCommand(PrintStream out) {
        this.out = out;
    }

    int execute(List<String> args) throws UsageException {
        Checklist checklist = Checklist.bundled();
        if (args.equals(List.of("--markdown"))) {
            out.print(ChecklistDocument.markdown(checklist));
        } else if (args.isEmpty()) {
            for (ChecklistRow row : checklist.rows()) {
                out.println(row.id() + "\t" + row.levelsLabel() + "\t" + row.title());
            }
        } else {
            throw new UsageException("checklist takes only --markdown");
        }
        return RunOutcome.EXIT_PASS;
    }
}
