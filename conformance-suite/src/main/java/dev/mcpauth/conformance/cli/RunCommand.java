package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.options.OperatorTokens;
import dev.mcpauth.conformance.options.RunOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code run}: parses the options into {@link RunOptions}, runs the scenarios with console
 * progress, applies the expected failures, writes every report and prints the summary.
 * Returns 0 or 1 from the outcome, 2 for a usage or harness error.
 */
final class RunCommand {
    static final String TOKEN_ENV = "MCP_CONFORMANCE_TOKEN";
    static final String LOW_SCOPE_TOKEN_ENV = "MCP_CONFORMANCE_LOW_SCOPE_TOKEN";
    static final String OTHER_USER_TOKEN_ENV = "MCP_CONFORMANCE_OTHER_USER_TOKEN";
    static final String OTHER_AUDIENCE_TOKEN_ENV = "MCP_CONFORMANCE_OTHER_AUDIENCE_TOKEN";
    static final Path DEFAULT_OUT = Path.of("reports", "latest");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(600);
    private static final Pattern SCENARIO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private static final Set<String> VALUED = Set.of("--target", "--issuer", "--spec-version", "--out", "--scenario",
            "--expected-failures", "--token", "--token-file", "--low-scope-token", "--low-scope-token-file", "--scope",
            "--other-user-token", "--other-user-token-file", "--other-audience-token", "--other-audience-token-file",
            "--privileged-scope", "--privileged-tool", "--timeout", "--typ-profile", "--server-log",
            "--upstream-mock-port", "--upstream-tool", "--trust-cert", "--jwks-refetch-wait", "--broader-scope");
    private static final Set<String> REPEATABLE = Set.of("--scenario");
    private static final Set<String> FLAGS = Set.of("--debug");

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
            List<String> secrets = new ArrayList<>();
            options.token().ifPresent(secrets::add);
            options.lowScopeToken().ifPresent(secrets::add);
            options.extras().otherTokens().otherUser().ifPresent(secrets::add);
            options.extras().otherTokens().otherAudience().ifPresent(secrets::add);
            return secrets;
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
        RunOutcome outcome = expected.apply(scrubber.scrub(raw), options.scenarioIds());
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
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
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
        ParsedArgs a = ParsedArgs.parse(args, VALUED, REPEATABLE, FLAGS);
        URI target = url("--target", a.value("--target")
                .orElseThrow(() -> new UsageException("missing --target URL (the MCP endpoint to test)")));
        Optional<URI> issuer = a.value("--issuer").isPresent()
                ? Optional.of(url("--issuer", a.value("--issuer").get())) : Optional.empty();
        SpecVersion specVersion = specVersion(a.value("--spec-version"));
        List<String> scenarios = scenarios(a.values("--scenario"), catalog);
        Optional<String> token = token(a, "--token", "--token-file", TOKEN_ENV, env);
        Optional<String> lowScopeToken = token(a, "--low-scope-token", "--low-scope-token-file", LOW_SCOPE_TOKEN_ENV, env);
        RunOptions options = new RunOptions(target, issuer, specVersion, scenarios, token, lowScopeToken,
                nonBlank(a, "--scope"), nonBlank(a, "--privileged-scope"), nonBlank(a, "--privileged-tool"),
                timeout(a.value("--timeout")), ExtraArgs.parse(a));
        options = options.withExtras(options.extras().withOtherTokens(new OperatorTokens(
                token(a, "--other-user-token", "--other-user-token-file", OTHER_USER_TOKEN_ENV, env),
                token(a, "--other-audience-token", "--other-audience-token-file", OTHER_AUDIENCE_TOKEN_ENV, env))));
        Path out = path("--out", a.value("--out")).orElse(DEFAULT_OUT);
        return new Request(options, out, path("--expected-failures", a.value("--expected-failures")), a.flag("--debug"));
    }

    static SpecVersion specVersion(Optional<String> value) throws UsageException {
        if (value.isEmpty()) {
            return SpecVersion.DEFAULT;
        }
        return SpecVersion.find(value.get()).orElseThrow(() -> new UsageException("unsupported --spec-version '"
                + value.get() + "'; use one of " + SpecVersion.runnableLabels()));
    }

    static URI url(String option, String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(option + " '" + value + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException(option + " '" + value + "' must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UsageException(option + " '" + value + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException(option + " must not carry credentials in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new UsageException(option + " '" + value + "' must not have a #fragment");
        }
        return uri;
    }

    private static List<String> scenarios(List<String> values, Optional<ScenarioCatalog> catalog) throws UsageException {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            for (String id : value.split(",", -1)) {
                String trimmed = id.strip();
                if (trimmed.isEmpty()) {
                    throw new UsageException("--scenario '" + value + "' has an empty scenario id");
                }
                if (!SCENARIO_ID.matcher(trimmed).matches()) {
                    throw new UsageException("--scenario '" + trimmed + "' is not a scenario id");
                }
                ids.add(trimmed);
            }
        }
        if (catalog.isPresent() && !ids.isEmpty()) {
            List<String> known = catalog.get().scenarios().stream().map(ScenarioCatalog.Scenario::id).toList();
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw new UsageException("unknown scenario '" + id + "' (the 'list' command shows them)");
                }
            }
        }
        return List.copyOf(ids);
    }

    /** A token from the flag, else its file, else the environment; never echoed in a message. */
    static Optional<String> token(ParsedArgs a, String flag, String fileFlag, String envName, Map<String, String> env)
            throws UsageException {
        Optional<String> direct = a.value(flag);
        Optional<String> file = a.value(fileFlag);
        if (direct.isPresent() && file.isPresent()) {
            throw new UsageException("give " + flag + " or " + fileFlag + ", not both");
        }
        String token;
        String source;
        if (direct.isPresent()) {
            token = direct.get();
            source = flag;
        } else if (file.isPresent()) {
            Path path = path(fileFlag, file).orElseThrow();
            try {
                token = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageException("cannot read " + fileFlag + " " + path + ": " + Problems.describe(e));
            }
            source = fileFlag + " " + path;
        } else if (env.containsKey(envName) && !env.get(envName).isBlank()) {
            token = env.get(envName).strip();
            source = "environment variable " + envName;
        } else {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            throw new UsageException("the token from " + source + " is empty");
        }
        if (token.codePoints().anyMatch(cp -> cp <= 0x20 || cp >= 0x7F)) {
            throw new UsageException("the token from " + source + " contains spaces, control or non-ASCII characters");
        }
        return Optional.of(token);
    }

    private static Optional<String> nonBlank(ParsedArgs a, String option) throws UsageException {
        Optional<String> value = a.value(option);
        if (value.isPresent() && value.get().isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value.map(String::strip);
    }

    private static Optional<Path> path(String option, Optional<String> value) throws UsageException {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        try {
            return Optional.of(Path.of(value.get()));
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value.get() + "' is not a valid path");
        }
    }

    static Duration timeout(Optional<String> value) throws UsageException {
        return value.isEmpty() ? DEFAULT_TIMEOUT : seconds("--timeout", value.get());
    }

    /** A duration in seconds (decimals allowed), more than 0 and at most 600. */
    static Duration seconds(String option, String value) throws UsageException {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a number of seconds");
        }
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_TIMEOUT_SECONDS) > 0) {
            throw new UsageException(option + " must be more than 0 and at most " + MAX_TIMEOUT_SECONDS + " seconds");
        }
        long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        return Duration.ofMillis(millis);
    }
}
