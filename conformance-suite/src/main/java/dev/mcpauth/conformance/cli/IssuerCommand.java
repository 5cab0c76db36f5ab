package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.report.RunOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code issuer}: starts the suite's test issuer on its own, prints {@code issuer=URL} and
 * {@code jwks_uri=URL} (one {@code key=value} per line, for scripts), and serves until the
 * process is stopped; SIGTERM stops it cleanly.
 */
final class IssuerCommand {
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final Set<String> VALUED = Set.of("--port", "--host", "--keys");

    private final PrintStream out;
    private final PrintStream err;
    private final IssuerLauncher launcher;
    private final ShutdownWaiter waiter;

    IssuerCommand(PrintStream out, PrintStream err, IssuerLauncher launcher, ShutdownWaiter waiter) {
        this.out = out;
        this.err = err;
        this.launcher = launcher;
        this.waiter = waiter;
    }

    /** A parsed {@code issuer} command line. */
    record Request(String host, int port, Optional<Path> keys) {
    }

    static Request parse(List<String> args) throws UsageException {
        ParsedArgs a = ParsedArgs.parse(args, VALUED, Set.of(), Set.of());
        String host = a.value("--host").map(String::strip).orElse(DEFAULT_HOST);
        if (host.isEmpty()) {
            throw new UsageException("--host must not be empty");
        }
        int port = 0;
        if (a.value("--port").isPresent()) {
            String value = a.value("--port").get().strip();
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageException("--port '" + value + "' is not a port number");
            }
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be between 0 and 65535");
            }
        }
        Optional<Path> keys = Optional.empty();
        if (a.value("--keys").isPresent()) {
            String value = a.value("--keys").get();
            if (value.isBlank()) {
                throw new UsageException("--keys must not be empty");
            }
            try {
                keys = Optional.of(Path.of(value));
            } catch (InvalidPathException e) {
                throw new UsageException("--keys '" + value + "' is not a valid path");
            }
        }
        return new Request(host, port, keys);
    }

    int execute(List<String> args) throws UsageException {
        Request request = parse(args);
        IssuerLauncher.Running issuer;
        try {
            issuer = launcher.start(request.host(), request.port(), request.keys());
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot start the test issuer on " + request.host() + ":" + request.port() + ": "
                    + (e instanceof IOException io ? Problems.describe(io) : String.valueOf(e.getMessage())));
            return RunOutcome.EXIT_USAGE;
        }
        out.println("issuer=" + issuer.issuerUrl());
        out.println("jwks_uri=" + issuer.jwksUrl());
        out.flush();
        try {
            waiter.await(() -> {
                issuer.close();
                err.println("issuer stopped");
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            issuer.close();
        }
        return RunOutcome.EXIT_PASS;
    }
}
