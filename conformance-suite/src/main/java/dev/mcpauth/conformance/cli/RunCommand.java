package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.run.RunAborted;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code run}: parses the options into {@link RunOptions} (see {@link RunArgs}), runs the scenarios with console
 * progress, applies the expected failures, writes every report and prints the summary.
 * Returns 0 or 1 from the outcome, 2 for a usage or harness error.
 */
final class RunCommand {
    /**
     * A parsed {@code run} command line.
     *
     * @param options           what the runner gets
     * @param outDir            where the reports go
     * @param expectedFailures  the expected-failures file, if given
     * @param debug             print stack traces of harness errors
     */
    record Request(RunOptions options, Path outDir, Optional<Path> expectedFailures, boolean debug) {
        Request {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(expectedFailures, "expectedFailures");
        }

        /** The tokens to keep out of every output. */
        List<String> secrets() {
            return RunArgs.secrets(options);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final SuiteRunner runner;
    private final Optional<ScenarioCatalog> catalog;
    private final ReportWriter reports;

    RunCommand(PrintStream out, PrintStream err, Map<String, String> env, SuiteRunner runner,
               Optional<ScenarioCatalog> catalog, ReportWriter reports) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.runner = runner;
        this.catalog = catalog;
        this.reports = reports;
    }

    int execute(List<String> args) throws UsageException {
        Request request = parse(args, env, catalog);
        ExpectedFailures expected = request.expectedFailures().isPresent()
                ? ExpectedFailures.read(request.expectedFailures().get())
                : ExpectedFailures.none();
        createDirectory(request.outDir());
        SecretScrubber scrubber = new SecretScrubber(request.secrets());
        RunOptions options = request.options();
        out.println(scrubber.scrub("MCP authorization conformance: target " + options.target() + ", spec "
                + options.specVersion() + ", " + modeLine(options)));
        RunResult raw;
        try {
            raw = runner.run(options, new ConsoleProgress(out, expected, scrubber));
        } catch (RuntimeException e) {
            err.println(scrubber.scrub("error: the run could not complete: " + describe(e)));
            if (request.debug()) {
                e.printStackTrace(err);
            }
            return RunOutcome.EXIT_USAGE;
        }
        if (raw.checks().isEmpty()) {
            err.println("error: the run produced no checks (no selected scenario applies to spec "
                    + options.specVersion() + ")");
            return RunOutcome.EXIT_USAGE;
        }
        RunOutcome outcome = expected.apply(scrubber.scrub(raw), options.scenarioIds(), options.checkIds());
        try {
            reports.write(outcome, request.outDir());
        } catch (IOException e) {
            err.println("error: cannot write the reports to " + request.outDir() + ": " + Problems.describe(e));
            return RunOutcome.EXIT_USAGE;
        }
        ConsoleSummary.print(out, outcome, request.outDir());
        return outcome.exitCode();
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof RunAborted || e instanceof IllegalArgumentException
                || e instanceof UnsupportedOperationException) {
            return message.isEmpty() ? e.getClass().getSimpleName() : message;
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void createDirectory(Path dir) throws UsageException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create report directory " + dir + ": " + Problems.describe(e));
        }
    }

    /** The token mode the runner will use, in the order it decides: --issuer, else --token, else in-process. */
    static String modeLine(RunOptions options) {
        if (options.issuer().isPresent()) {
            return "issuer " + options.issuer().get() + (options.token().isPresent()
                    ? " (the operator-supplied token is not used while an issuer is given)" : "");
        }
        if (options.token().isPresent()) {
            return "operator-token mode (no suite issuer: checks that need a token the suite signs are untestable)";
        }
        return "in-process issuer (the target must list it in authorization_servers)";
    }

    /** Parses and checks every option; nothing here touches the network. */
    static Request parse(List<String> args, Map<String, String> env, Optional<ScenarioCatalog> catalog)
            throws UsageException {
        return RunArgs.parse(args, env, catalog);
    }
}
