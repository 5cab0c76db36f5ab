package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line: dispatches to {@code run}, {@code issuer}, {@code list}, {@code checklist},
 * {@code free-port}, {@code load} and {@code help}, and turns bad input into one {@code error: …} line on stderr with exit
 * code 2. Everything it touches (streams, environment, runner, issuer, scenario registry) is
 * passed in, so tests need no network and no {@code System.exit}.
 */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final SuiteRunner runner;
    private final IssuerLauncher issuers;
    private final Optional<ScenarioCatalog> catalog;
    private final ShutdownWaiter waiter;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env, SuiteRunner runner, IssuerLauncher issuers,
               Optional<ScenarioCatalog> catalog, ShutdownWaiter waiter) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
    }

    /** Runs one command line and returns the process exit code. */
    public int execute(String... args) {
        if (args.length == 0) {
            err.print(Usage.text());
            return RunOutcome.EXIT_USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(Usage.text());
            return RunOutcome.EXIT_PASS;
        }
        try {
            return switch (args[0]) {
                case "help", "--help", "-h" -> {
                    out.print(Usage.text());
                    yield RunOutcome.EXIT_PASS;
                }
                case "run" -> new RunCommand(out, err, env, runner, catalog,
                        new ReportWriter(Checklist.bundled())).execute(rest);
                case "issuer" -> new IssuerCommand(out, err, issuers, waiter).execute(rest);
                case "list" -> new ListCommand(out, catalog).execute(rest);
                case "checklist" -> new ChecklistCommand(out).execute(rest);
                case "free-port" -> new FreePortCommand(out, err).execute(rest);
                case "load" -> new dev.mcpauth.conformance.load.LoadCommand(out, err, java.time.Clock.systemUTC())
                        .execute(rest);
                case "fuzz" -> new FuzzCommand(out, err, java.time.Clock.systemUTC()).execute(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (see --help)");
            return RunOutcome.EXIT_USAGE;
        }
    }
}
