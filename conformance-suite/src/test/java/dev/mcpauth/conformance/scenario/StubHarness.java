package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.issuer.TestIssuer;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.options.RunOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts a stub MCP server trusting a shared test issuer, with its grey-box hooks wired (a log
 * file, an upstream URL the suite's mock will answer), and runs the suite against it over https.
 */
final class StubHarness {
    static final Duration REFETCH_WAIT = Duration.ofSeconds(2);
    private static TestIssuer issuer;

    private StubHarness() {
    }

    static synchronized TestIssuer issuer() {
        if (issuer == null) {
            try {
                issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return issuer;
    }

    static RunResult run(Set<StubDefect> defects, SpecVersion specVersion, boolean sse, List<String> scenarios) {
        return run(defects, sse, stub -> options(stub, specVersion, scenarios));
    }

    static RunResult run(Set<StubDefect> defects, boolean sse, Function<StubMcpServer, RunOptions> options) {
        TestIssuer is = issuer();
        try (TempLog log = TempLog.create()) {
            StubSetup setup = new StubSetup(sse, Optional.of(URI.create("http://127.0.0.1:" + freePort() + "/upstream")),
                    Optional.of(log.path()));
            try (StubMcpServer stub = StubMcpServer.start(is.issuerUrl(), defects, setup)) {
                return ConformanceRunner.run(options.apply(stub), ProgressListener.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every option a correct stub needs to pass: its certificate trusted, its log and upstream wired. */
    static RunOptions options(StubMcpServer stub, SpecVersion specVersion, List<String> scenarios) {
        RunOptions base = trusting(new RunOptions(stub.target(), Optional.of(issuer().issuerUrl()), specVersion,
                scenarios, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5)));
        ExtraOptions extras = base.extras().withJwksRefetchWait(REFETCH_WAIT);
        if (stub.setup().log().isPresent()) {
            extras = extras.withServerLog(stub.setup().log().get());
        }
        if (stub.setup().upstream().isPresent()) {
            extras = extras.withUpstream(stub.setup().upstream().get().getPort(), ExtraOptions.DEFAULT_UPSTREAM_TOOL);
        }
        return base.withExtras(extras);
    }

    /** A temporary log file, deleted afterwards. */
    private record TempLog(Path path) implements AutoCloseable {
        static TempLog create() throws IOException {
            return new TempLog(Files.createTempFile("stub-server", ".log"));
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
        }
    }

    /** The options with the stub's certificate trusted, nothing else changed. */
    static RunOptions trusting(RunOptions options) {
        return options.withExtras(options.extras().withTrustCert(StubTls.get().certificate()));
    }

    static Map<String, CheckResult> byId(RunResult r) {
        return r.checks().stream().collect(Collectors.toMap(CheckResult::id, c -> c));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
