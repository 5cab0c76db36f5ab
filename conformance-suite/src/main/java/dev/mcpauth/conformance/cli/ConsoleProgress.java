package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.report.Format;

import java.io.PrintStream;

/**
 * Prints progress while a run goes on: a line per scenario, then one line per check with
 * {@code ✓ ✗ ! i -}, the check id and a short message. Listed known failures and untestable
 * checks say so. Every line goes through the secret scrubber.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int MESSAGE_LENGTH = 120;

    private final PrintStream out;
    private final ExpectedFailures expected;
    private final SecretScrubber scrubber;

    ConsoleProgress(PrintStream out, ExpectedFailures expected, SecretScrubber scrubber) {
        this.out = out;
        this.expected = expected;
        this.scrubber = scrubber;
    }

    @Override
    public void scenarioStarted(String scenarioId, String title) {
        out.println(scrubber.scrub(scenarioId + ": " + title));
    }

    @Override
    public void checkFinished(CheckResult check) {
        out.println(line(check));
    }

    String line(CheckResult check) {
        StringBuilder line = new StringBuilder("  ").append(Format.symbol(check.status())).append(' ').append(check.id());
        boolean known = expected.excuses(check);
        if (check.untestable() || known) {
            line.append(" [").append(check.untestable() ? "untestable" : "")
                    .append(check.untestable() && known ? ", " : "").append(known ? "expected failure" : "").append(']');
        }
        line.append("  ").append(Format.firstLine(Format.message(check), MESSAGE_LENGTH));
        return scrubber.scrub(line.toString());
    }
}
