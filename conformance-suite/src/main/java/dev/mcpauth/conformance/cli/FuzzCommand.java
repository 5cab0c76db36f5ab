package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.fuzz.FuzzEngine;
import dev.mcpauth.conformance.fuzz.FuzzReport;
import dev.mcpauth.conformance.http.TrustedCertificates;
import dev.mcpauth.conformance.report.RunOutcome;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code fuzz}: sends a bounded number of mutated requests to an MCP endpoint and fails (exit 1)
 * on any 5xx, on a token (or a piece of one) echoed in an answer, and on a server that stops
 * answering; writes {@code fuzz.json} and {@code fuzz.md}. Exit 2: bad arguments or an unreachable target.
 */
final class FuzzCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    FuzzCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int execute(List<String> args) throws UsageException {
        ParsedArgs parsed = FuzzFlags.parse(args);
        URI target = FuzzFlags.TARGET.read(parsed).orElseThrow(() -> new UsageException("fuzz needs --target URL"));
        boolean remote = FuzzFlags.ALLOW_REMOTE.read(parsed).orElse(false);
        if (!remote && !loopback(target)) {
            throw new UsageException("--target " + target + " is not a loopback address; fuzz only a server you own, "
                    + "and say so with --allow-remote");
        }
        int requests = (int) FuzzFlags.number("--requests", FuzzFlags.REQUESTS.read(parsed).orElse("100000"), 1, 10_000_000);
        int connections = (int) FuzzFlags.number("--connections", FuzzFlags.CONNECTIONS.read(parsed).orElse("4"), 1, 256);
        long seed = FuzzFlags.number("--seed", FuzzFlags.SEED.read(parsed).orElse(Long.toString(clock.millis())), 0,
                Long.MAX_VALUE);
        Duration timeout = FuzzFlags.TIMEOUT.read(parsed).orElse(Duration.ofSeconds(10));
        Path dir = FuzzFlags.OUT.read(parsed).orElse(Path.of("reports", "fuzz", "latest"));
        try {
            Optional<SSLContext> tls = FuzzFlags.TRUST_CERT.read(parsed).isPresent()
                    ? Optional.of(TrustedCertificates.sslContext(FuzzFlags.TRUST_CERT.read(parsed).get())) : Optional.empty();
            FuzzEngine engine = new FuzzEngine(target, tls, timeout, clock);
            FuzzReport report = engine.run(requests, connections, seed, FuzzFlags.ISSUER.read(parsed),
                    FuzzFlags.SCOPE.read(parsed));
            report.write(dir);
            out.println(report.summary());
            out.println("fuzz: reports in " + dir.resolve("fuzz.md") + " and fuzz.json");
            report.stats().examples().forEach(e -> out.println("fuzz: " + e));
            return report.passed() ? RunOutcome.EXIT_PASS : RunOutcome.EXIT_FAIL;
        } catch (IOException e) {
            err.println("error: fuzz: " + Problems.describe(e));
            return RunOutcome.EXIT_USAGE;
        } catch (FuzzEngine.SetupException e) {
            err.println("error: fuzz: " + e.getMessage());
            return RunOutcome.EXIT_USAGE;
        }
    }

    private static boolean loopback(URI target) {
        try {
            return target.getHost() != null && InetAddress.getByName(target.getHost()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
