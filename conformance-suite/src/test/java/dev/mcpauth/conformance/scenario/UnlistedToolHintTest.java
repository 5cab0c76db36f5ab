package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.ToolHints;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.cli.Cli;
import dev.mcpauth.conformance.run.ConformanceRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --tool NAME} for a tool the target does not list is reported as a run note, never silently ignored. */
class UnlistedToolHintTest {

    private static RunResult run(ToolHints hints) {
        return StubHarness.run(Set.of(StubDefect.UNDECLARED_TOOLS), false, stub -> {
            RunOptions o = StubHarness.options(stub, SpecVersion.V2025_11_25, List.of("valid-token"));
            return o.withExtras(o.extras().withToolHints(hints));
        });
    }

    @Test
    void aHintForAToolTheTargetDoesNotListBecomesANote() {
        RunResult r = run(new ToolHints(List.of(ToolHint.parse("whoami"), ToolHint.parse("server_stats=mcp:admin"))));
        assertThat(r.notes()).containsExactly("--tool server_stats: the target lists no such tool, so this hint was "
                + "not used (tools/list names: whoami, server_status, reset_everything, fetch_upstream); check the spelling.");
    }

    @Test
    void hintsForListedToolsAddNoNote() {
        assertThat(run(new ToolHints(List.of(ToolHint.parse("whoami")))).notes()).isEmpty();
    }

    @Test
    void theCommandLinePrintsTheNoteAndEveryReportCarriesIt(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path reports = tmp.resolve("reports");
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(),
                EnumSet.of(StubDefect.UNDECLARED_TOOLS), new StubSetup(false, Optional.empty(), Optional.empty()))) {
            Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(),
                    (options, progress) -> ConformanceRunner.run(StubHarness.trusting(options), progress),
                    (host, port, keys) -> {
                        throw new IOException("no issuer in this test");
                    }, Optional.empty(), onStop -> onStop.run());
            cli.execute("run", "--target", stub.target().toString(), "--issuer", StubHarness.issuer().issuerUrl().toString(),
                    "--scenario", "valid-token", "--tool", "whoami", "--tool", "server_stats=mcp:admin",
                    "--out", reports.toString());
        }
        String note = "--tool server_stats: the target lists no such tool, so this hint was not used (tools/list names: "
                + "whoami, server_status, reset_everything); check the spelling.";
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\nNote: " + note + "\n");
        assertThat(Files.readString(reports.resolve("summary.md")))
                .contains("> **Run note:** --tool server\\_stats: the target lists no such tool");
        assertThat(Files.readString(reports.resolve("run.json"))).contains(note);
        assertThat(Files.readString(reports.resolve("report.html"))).contains("--tool server_stats: the target lists no such tool");
    }
}
