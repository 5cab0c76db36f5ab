package dev.mcpauth.conformance.junit;

import dev.mcpauth.conformance.Main;
import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.ToolHints;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.scenario.Scenarios;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The suite as JUnit 5 dynamic tests, for a Java MCP server's own {@code mvn verify}: one test
 * per check, named by check id and RS rows, failing on FAILURE (and on WARNING when asked),
 * aborted (skipped) on SKIPPED and on checks not selected. The suite runs once, when the first
 * test executes. Usage (docs/ci.md):
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; mcpAuthorization() {
 *     return McpAuthConformance.forTarget("http://127.0.0.1:8080/mcp")
 *             .issuer("http://127.0.0.1:9400")
 *             .tool("whoami").tool("server_status=mcp:admin")
 *             .dynamicTests();
 * }
 * </pre>
 */
public final class McpAuthConformance {
    private final URI target;
    private Optional<URI> issuer = Optional.empty();
    private SpecVersion specVersion = SpecVersion.DEFAULT;
    private final List<ToolHint> tools = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private Optional<Path> trustCert = Optional.empty();
    private Optional<Path> reportDir = Optional.empty();
    private Optional<Path> serverLog = Optional.empty();
    private Duration requestTimeout = Duration.ofSeconds(10);
    private boolean failOnWarning;

    private McpAuthConformance(URI target) {
        this.target = target;
    }

    /**
     * The MCP endpoint to judge, e.g. {@code http://127.0.0.1:8080/mcp}. Also sets the JDK HTTP client
     * properties the suite's jar sets ({@link Main#prepareJdkHttpClient}), effective only if nothing in
     * this JVM used {@code java.net.http} yet; else pass them in surefire's argLine (docs/ci.md).
     */
    public static McpAuthConformance forTarget(String target) {
        Main.prepareJdkHttpClient();
        return new McpAuthConformance(URI.create(target));
    }

    /** The suite's test issuer the server trusts ({@code bin/mcp-auth-conformance issuer}, or {@code TestIssuer}). */
    public McpAuthConformance issuer(String issuerUrl) {
        this.issuer = Optional.of(URI.create(issuerUrl));
        return this;
    }

    /** {@code 2025-06-18}, {@code 2025-11-25} (the default) or {@code 2026-07-28}. */
    public McpAuthConformance specVersion(String label) {
        this.specVersion = SpecVersion.parse(label);
        return this;
    }

    /** A tool the suite may call with empty arguments, as {@code --tool NAME[=SCOPE,…]}; repeatable. */
    public McpAuthConformance tool(String hint) {
        tools.add(ToolHint.parse(hint));
        return this;
    }

    /** Report only these checks (as {@code --check}); the others become aborted tests. */
    public McpAuthConformance checks(String... ids) {
        checks.addAll(List.of(ids));
        return this;
    }

    /** A PEM certificate to trust for an https target. */
    public McpAuthConformance trustCert(Path pem) {
        this.trustCert = Optional.of(pem);
        return this;
    }

    /** Grey box: the server's log, which must hold no token the suite sent (RS-76; as {@code --server-log}). */
    public McpAuthConformance serverLog(Path log) {
        this.serverLog = Optional.of(log);
        return this;
    }

    /** Also write the reports (report.html, junit.xml, ...) to this directory after the run. */
    public McpAuthConformance reportsTo(Path dir) {
        this.reportDir = Optional.of(dir);
        return this;
    }

    public McpAuthConformance requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    /** A SHOULD the server breaks (WARNING) fails its test too. */
    public McpAuthConformance failOnWarning() {
        this.failOnWarning = true;
        return this;
    }

    /** One test per check of this spec version's catalogue; the run happens when the first one executes. */
    public Stream<DynamicTest> dynamicTests() {
        Supplier<RunResult> run = new OnceSupplier<>(this::run);
        return Scenarios.all().stream().flatMap(s -> s.checks().stream())
                .map(spec -> DynamicTest.dynamicTest(displayName(spec),
                        () -> CheckVerdict.assertPassed(spec.id(), run.get(), failOnWarning)));
    }

    /** {@code insufficient-scope-status-403 [RS-62]}. */
    static String displayName(CheckSpec spec) {
        return spec.id() + " [" + String.join(", ", spec.rows()) + "]";
    }

    /** Runs the suite now, with these options; the reports are written when asked. */
    public RunResult run() {
        RunOptions base = new RunOptions(target, issuer, specVersion, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), requestTimeout);
        ExtraOptions extras = base.extras().withToolHints(new ToolHints(tools));
        if (trustCert.isPresent()) {
            extras = extras.withTrustCert(trustCert.get());
        }
        if (serverLog.isPresent()) {
            extras = extras.withServerLog(serverLog.get());
        }
        RunOptions options = base.withExtras(extras).withChecks(checks);
        List<String> known = Scenarios.all().stream().flatMap(s -> s.checks().stream()).map(CheckSpec::id).toList();
        List<String> unknown = checks.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown check ids " + unknown + "; `list --checks` prints them");
        }
        RunResult result = ConformanceRunner.run(options, ProgressListener.NONE);
        reportDir.ifPresent(dir -> write(result, dir));
        return result;
    }

    private static void write(RunResult result, Path dir) {
        try {
            new ReportWriter(Checklist.bundled()).write(RunOutcome.of(result), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the reports could not be written to " + dir, e);
        }
    }
}
