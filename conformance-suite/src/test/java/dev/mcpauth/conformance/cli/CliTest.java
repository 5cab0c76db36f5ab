package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.report.ReportFixtures;
import dev.mcpauth.conformance.options.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole command line against stub runners: no network, no System.exit. */
class CliTest {
    private static final String TARGET = "http://127.0.0.1:9/mcp";
    private static final String TOKEN = "operator-token-abcdef123";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final AtomicReference<RunOptions> received = new AtomicReference<>();
    private Map<String, String> env = Map.of();
    private Optional<ScenarioCatalog> catalog = Optional.empty();

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Cli cli(SuiteRunner runner) {
        return new Cli(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), env, runner,
                (host, port, keys) -> {
                    throw new IOException("no issuer in this test");
                }, catalog, onStop -> onStop.run());
    }

    /** A runner that reports each check to the listener, as the real one does, and returns them. */
    private SuiteRunner returning(CheckResult... checks) {
        return (options, progress) -> {
            received.set(options);
            ScenarioResult scenario = new ScenarioResult("s", "Scenario S", List.of("RS-17"), List.of(checks));
            progress.scenarioStarted("s", "Scenario S");
            for (CheckResult check : checks) {
                progress.checkFinished(check);
            }
            progress.scenarioFinished(scenario);
            return new RunResult("test", options.target().toString(), options.specVersion(), ReportFixtures.STARTED,
                    Duration.ofMillis(1500), List.of(scenario));
        };
    }

    private static CheckResult check(String id, Status status, String message) {
        return ReportFixtures.check("s", id, "Check " + id, List.of("RS-17"), Level.MUST, status, 0, Map.of(), message,
                false, List.of());
    }

    private static final SuiteRunner MUST_NOT_RUN = (options, progress) -> {
        throw new AssertionError("the runner must not be called");
    };

    private String outDir() {
        return tmp.resolve("reports").toString();
    }

    @Test
    void noArgumentsPrintsUsageToStderrWithExit2() {
        assertThat(cli(MUST_NOT_RUN).execute()).isEqualTo(2);
        assertThat(err()).startsWith("Usage: java -jar mcp-auth-conformance.jar");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsUsageToStdoutWithExit0() {
        assertThat(cli(MUST_NOT_RUN).execute("--help")).isZero();
        assertThat(out()).contains("run --target URL").contains("issuer [--port N]").contains("free-port")
                .contains("MCP_CONFORMANCE_TOKEN").contains("Exit codes:");
        assertThat(cli(MUST_NOT_RUN).execute("run", "--target", TARGET, "--help")).isZero();
        assertThat(cli(MUST_NOT_RUN).execute("help")).isZero();
    }

    @Test
    void anUnknownCommandIsOneLineOnStderrWithExit2() {
        assertThat(cli(MUST_NOT_RUN).execute("fly")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown command 'fly' (see --help)\n");
    }

    @Test
    void badInputNeverPrintsAStackTrace() {
        List<String[]> commandLines = List.of(
                new String[] {"run"},
                new String[] {"run", "--target", "not a url"},
                new String[] {"run", "--target", TARGET, "--bogus"},
                new String[] {"run", "--target", TARGET, "--timeout", "soon"},
                new String[] {"run", "--target", TARGET, "--expected-failures", tmp.resolve("absent").toString()},
                new String[] {"issuer", "--port", "70000"},
                new String[] {"free-port", "extra"});
        for (String[] args : commandLines) {
            errBytes.reset();
            assertThat(cli(MUST_NOT_RUN).execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err()).as(String.join(" ", args)).startsWith("error: ").endsWith(" (see --help)\n")
                    .doesNotContain("\tat ").doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void aPassingRunExitsZeroPrintsProgressAndWritesEveryReport() throws IOException {
        int code = cli(returning(check("a-ok", Status.SUCCESS, null), check("b-warn", Status.WARNING, "should do x"),
                check("c-info", Status.INFO, "noted"), check("d-skip", Status.SKIPPED, "n/a")))
                .execute("run", "--target", TARGET, "--out", outDir());
        assertThat(code).isZero();
        assertThat(out()).contains("s: Scenario S\n", "  ✓ a-ok  Check a-ok\n", "  ! b-warn  should do x\n",
                "  i c-info  noted\n", "  - d-skip  n/a\n", "=== SUMMARY ===\n",
                "✓ s: 1 passed, 0 failed, 1 warning, 1 info, 1 skipped\n",
                "Total: 1 passed, 0 failed, 1 warning, 1 info, 1 skipped (4 checks, 1.5 s)\n",
                "Verdict: PASS (exit 0)", "Reports: " + Path.of(outDir(), "report.html"));
        try (Stream<Path> files = Files.list(Path.of(outDir()))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("checks.json", "run.json", "junit.xml", "report.html", "summary.md");
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void aFailureExitsOne() throws IOException {
        int code = cli(returning(check("a-ok", Status.SUCCESS, null), check("b-bad", Status.FAILURE, "expected 401, got 200")))
                .execute("run", "--target", TARGET, "--out", outDir());
        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("  ✗ b-bad  expected 401, got 200\n", "✗ s: 1 passed, 1 failed\n",
                "Verdict: FAIL (exit 1): 1 unexpected failure");
        assertThat(Files.readString(Path.of(outDir(), "run.json"))).contains("\"exitCode\": 1");
    }

    @Test
    void anUntestableCheckIsMarkedOnTheConsoleAndFailsTheRun() {
        CheckResult untestable = ReportFixtures.check("s", "needs-tool", "n", List.of(), Level.MUST, Status.FAILURE, 0,
                Map.of(), "untestable: no privileged tool", true, List.of());
        assertThat(cli(returning(untestable)).execute("run", "--target", TARGET, "--out", outDir())).isEqualTo(1);
        assertThat(out()).contains("  ✗ needs-tool [untestable]  untestable: no privileged tool\n",
                "✗ s: 0 passed, 0 failed, 1 untestable (1 MUST)\n", "Verdict: FAIL (exit 1): 1 untestable MUST check");
    }

    @Test
    void theConsoleSaysWhichTokenModeIsUsed() {
        cli(returning(check("a-ok", Status.SUCCESS, null))).execute("run", "--target", TARGET, "--out", outDir(),
                "--token", "operator-secret-token-1");
        assertThat(out()).contains(", operator-token mode (no suite issuer").doesNotContain("in-process")
                .doesNotContain("operator-secret-token-1");
        cli(returning(check("a-ok", Status.SUCCESS, null))).execute("run", "--target", TARGET, "--out", outDir());
        assertThat(out()).contains(", in-process issuer (the target must list it");
    }

    @Test
    void untestableShouldAndMayChecksAreCountedApartAndDoNotFailTheRun() {
        CheckResult should = ReportFixtures.check("s", "needs-user", "n", List.of(), Level.SHOULD, Status.WARNING, 0,
                Map.of(), "untestable: no second user", true, List.of());
        CheckResult may = ReportFixtures.check("s", "needs-cors", "n", List.of(), Level.MAY, Status.INFO, 0,
                Map.of(), "untestable: no preflight", true, List.of());
        int code = cli(returning(check("a-ok", Status.SUCCESS, null), check("b-bad", Status.FAILURE, "got 200"),
                should, may)).execute("run", "--target", TARGET, "--out", outDir());
        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("  ! needs-user [untestable]  untestable: no second user\n",
                "✗ s: 1 passed, 1 failed, 2 untestable (1 SHOULD, 1 MAY)\n", "Verdict: FAIL (exit 1): 1 unexpected failure\n");
        assertThat(cli(returning(check("a-ok", Status.SUCCESS, null), should, may))
                .execute("run", "--target", TARGET, "--out", outDir())).isZero();
    }

    @Test
    void anExpectedFailureExitsZeroAndIsStillShown() throws IOException {
        Path expected = Files.writeString(tmp.resolve("expected.txt"), "# known\ns:b-bad\n");
        int code = cli(returning(check("a-ok", Status.SUCCESS, null), check("b-bad", Status.FAILURE, "expected 401, got 200")))
                .execute("run", "--target", TARGET, "--out", outDir(), "--expected-failures", expected.toString());
        assertThat(code).isZero();
        assertThat(out()).contains("  ✗ b-bad [expected failure]  expected 401, got 200\n",
                "✓ s: 1 passed, 1 failed (1 expected)\n", "Verdict: PASS (exit 0)");
        assertThat(Files.readString(Path.of(outDir(), "checks.json"))).contains("\"expectedFailure\": true");
        assertThat(Files.readString(Path.of(outDir(), "junit.xml"))).contains("<skipped message=\"expected failure");
    }

    @Test
    void aStaleEntryExitsOneWithAClearMessage() throws IOException {
        Path expected = Files.writeString(tmp.resolve("expected.txt"), "s:a-ok\n");
        int code = cli(returning(check("a-ok", Status.SUCCESS, null)))
                .execute("run", "--target", TARGET, "--out", outDir(), "--expected-failures", expected.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("✗ stale expected-failure entry 's:a-ok' (line 1): no matched check failed any more",
                "Verdict: FAIL (exit 1): 1 stale expected-failure entry");
        assertThat(Files.readString(Path.of(outDir(), "summary.md"))).contains("Stale expected-failure entries");
    }

    @Test
    void aBadExpectedFailuresFileStopsBeforeTheRun() throws IOException {
        Path expected = Files.writeString(tmp.resolve("expected.txt"), "a:b:c\n");
        assertThat(cli(MUST_NOT_RUN).execute("run", "--target", TARGET, "--out", outDir(), "--expected-failures",
                expected.toString())).isEqualTo(2);
        assertThat(err()).startsWith("error: " + expected + ":1: bad entry 'a:b:c'");
    }

    @Test
    void aReportDirectoryThatCannotBeCreatedStopsBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(cli(MUST_NOT_RUN).execute("run", "--target", TARGET, "--out", file.resolve("sub").toString()))
                .isEqualTo(2);
        assertThat(err()).startsWith("error: cannot create report directory");
    }

    @Test
    void aRunnerThatRefusesTheOptionsIsAHarnessErrorWithoutStackTrace() {
        SuiteRunner refusing = (options, progress) -> {
            throw new IllegalArgumentException("unknown scenario 'nope'");
        };
        assertThat(cli(refusing).execute("run", "--target", TARGET, "--out", outDir())).isEqualTo(2);
        assertThat(err()).isEqualTo("error: the run could not complete: unknown scenario 'nope'\n");
    }

    @Test
    void debugAddsTheStackTraceOfAHarnessError() {
        SuiteRunner crashing = (options, progress) -> {
            throw new IllegalStateException("boom");
        };
        assertThat(cli(crashing).execute("run", "--target", TARGET, "--out", outDir(), "--debug")).isEqualTo(2);
        assertThat(err()).startsWith("error: the run could not complete: IllegalStateException: boom\n")
                .contains("\tat ");
    }

    @Test
    void aRunWithoutChecksIsAHarnessError() {
        assertThat(cli(returning()).execute("run", "--target", TARGET, "--out", outDir())).isEqualTo(2);
        assertThat(err()).startsWith("error: the run produced no checks");
    }

    @Test
    void operatorTokensReachTheRunnerButNoOutput() throws IOException {
        CheckResult leaky = ReportFixtures.check("s", "leak", "leak", List.of(), Level.MUST, Status.FAILURE, 0,
                Map.of("seen", "Bearer " + TOKEN), "server echoed " + TOKEN, false,
                List.of(new Exchange("POST", TARGET, List.of(Map.entry("Authorization", "Bearer " + TOKEN)), "", 200,
                        List.of(), "echo " + TOKEN)));
        int code = cli(returning(leaky)).execute("run", "--target", TARGET, "--out", outDir(), "--token", TOKEN);
        assertThat(code).isEqualTo(1);
        assertThat(received.get().token()).contains(TOKEN);
        assertThat(out()).doesNotContain(TOKEN).contains("server echoed [redacted]");
        assertThat(err()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.list(Path.of(outDir()))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void theTokenCanComeFromTheEnvironment() {
        env = Map.of(RunArgs.TOKEN_ENV, TOKEN);
        cli(returning(check("a", Status.SUCCESS, null))).execute("run", "--target", TARGET, "--out", outDir());
        assertThat(received.get().token()).contains(TOKEN);
        assertThat(out()).contains("operator-token mode").doesNotContain(TOKEN);
    }

    @Test
    void scenarioIdsAreCheckedAgainstTheRegistryBeforeRunning() {
        catalog = Optional.of(() -> List.of(new ScenarioCatalog.Scenario("missing-token", "Missing token")));
        assertThat(cli(MUST_NOT_RUN).execute("run", "--target", TARGET, "--scenario", "nope")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown scenario 'nope' (the 'list' command shows them) (see --help)\n");
    }

    @Test
    void listPrintsIdsAndTitles() {
        catalog = Optional.of(() -> List.of(new ScenarioCatalog.Scenario("missing-token", "Missing token"),
                new ScenarioCatalog.Scenario("expired-token", "Expired token")));
        assertThat(cli(MUST_NOT_RUN).execute("list")).isZero();
        assertThat(out()).isEqualTo("missing-token\tMissing token\nexpired-token\tExpired token\n");
    }

    @Test
    void anUnknownCheckIdIsOneLineOnStderrWithExit2() {
        catalog = Optional.of(() -> List.of(new ScenarioCatalog.Scenario("missing-token", "Missing token",
                List.of("missing-token-status-401"))));
        assertThat(cli(MUST_NOT_RUN).execute("run", "--target", TARGET, "--check", "missing-token-status-40"))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown check 'missing-token-status-40' (the 'list --checks' command "
                + "shows them) (see --help)\n");
    }

    @Test
    void checkIdsReachTheRunnerInOrderWithoutRepeats() {
        catalog = Optional.of(() -> List.of(new ScenarioCatalog.Scenario("s", "Scenario S", List.of("a", "b"))));
        cli(returning(check("a", Status.SUCCESS, ""))).execute("run", "--target", TARGET, "--out",
                tmp.resolve("r").toString(), "--check", "b", "--check", "a,b");
        assertThat(received.get().checkIds()).containsExactly("b", "a");
    }

    @Test
    void listChecksPrintsEveryCheckIdWithItsScenario() {
        catalog = Optional.of(() -> List.of(new ScenarioCatalog.Scenario("missing-token", "Missing token",
                List.of("missing-token-status-401", "missing-token-challenge"))));
        assertThat(cli(MUST_NOT_RUN).execute("list", "--checks")).isZero();
        assertThat(out()).isEqualTo("missing-token-status-401\tmissing-token\nmissing-token-challenge\tmissing-token\n");
    }

    @Test
    void helpIsMadeFromTheOptionTableAndTheChecklist() {
        assertThat(cli(MUST_NOT_RUN).execute("--help")).isZero();
        for (OptionSpec<?> option : RunFlags.ALL) {
            assertThat(out()).contains("  " + option.synopsis());
            assertThat(out()).contains(option.help().split(" ")[0]);
        }
        assertThat(out()).contains("  --check ID[,ID...]        run the scenarios that hold these checks")
                .contains("78 rows and 12 policies, in docs/rs-checklist.md");
        assertThat(out().lines()).allMatch(l -> l.length() <= 100);
    }

    @Test
    void aDeadTargetIsOneLineExitTwoAndLeavesThePreviousReportsAlone() throws IOException {
        Path out = tmp.resolve("reports");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), "previous run");
        SuiteRunner dead = (options, progress) -> {
            throw new dev.mcpauth.conformance.run.RunAborted("the target " + options.target()
                    + " did not answer: java.net.ConnectException");
        };
        assertThat(cli(dead).execute("run", "--target", TARGET, "--out", out.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("error: the run could not complete: the target " + TARGET
                + " did not answer: java.net.ConnectException\n");
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo("previous run");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void listWithoutARegistryIsAnError() {
        assertThat(cli(MUST_NOT_RUN).execute("list")).isEqualTo(2);
        assertThat(err()).startsWith("error: this build has no scenario registry yet");
    }

    @Test
    void freePortPrintsABindableLoopbackPort() throws IOException {
        assertThat(cli(MUST_NOT_RUN).execute("free-port")).isZero();
        int port = Integer.parseInt(out().strip());
        assertThat(port).isBetween(1, 65535);
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
