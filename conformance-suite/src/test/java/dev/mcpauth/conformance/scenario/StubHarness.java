package dev.mcpauth.conformance.scenario;

import com.nimbusds.jose.jwk.JWKSet;
import dev.mcpauth.conformance.check.CheckResult;
import dev.mcpauth.conformance.check.RunResult;
import dev.mcpauth.conformance.issuer.TestIssuer;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.run.RunOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Starts a stub MCP server trusting a shared test issuer and runs the suite against it. */
final class StubHarness {
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

    static RunResult run(Set<StubDefect> defects, String specVersion, boolean sse, List<String> scenarios) {
        return run(defects, sse, stub -> options(stub, specVersion, scenarios));
    }

    static RunResult run(Set<StubDefect> defects, boolean sse, Function<StubMcpServer, RunOptions> options) {
        TestIssuer is = issuer();
        try (StubMcpServer stub = StubMcpServer.start(is.issuerUrl(), new JWKSet(is.currentPublicKey()), defects, sse)) {
            return ConformanceRunner.run(options.apply(stub), ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunOptions options(StubMcpServer stub, String specVersion, List<String> scenarios) {
        return new RunOptions(stub.target(), Optional.of(issuer().issuerUrl()), specVersion, scenarios,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5));
    }

    static Map<String, CheckResult> byId(RunResult r) {
        return r.checks().stream().collect(Collectors.toMap(CheckResult::id, c -> c));
    }
}
