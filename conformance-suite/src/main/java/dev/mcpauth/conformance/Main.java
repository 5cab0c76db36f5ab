package dev.mcpauth.conformance;

import dev.mcpauth.conformance.cli.BuiltInScenarios;
import dev.mcpauth.conformance.cli.Cli;
import dev.mcpauth.conformance.cli.ShutdownWaiter;
import dev.mcpauth.conformance.cli.TestIssuerLauncher;
import dev.mcpauth.conformance.run.ConformanceRunner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Entry point: {@code java -jar mcp-auth-conformance.jar <command> …}; see {@code --help}. */
public final class Main {
    private Main() {
    }

    static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";
    static final String RETRY_ALL_METHODS = "jdk.httpclient.enableAllMethodRetry";

    public static void main(String[] args) {
        allowHostHeader();
        retryOnClosedPooledConnections();
        // UTF-8 whatever the locale, so ✓ and ✗ survive a C locale in CI
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Cli cli = new Cli(out, err, System.getenv(), ConformanceRunner::run, new TestIssuerLauncher(),
                Optional.of(new BuiltInScenarios()),
                ShutdownWaiter.UNTIL_JVM_SHUTDOWN);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * What {@link #main} sets for the JDK HTTP client, for runs inside another program (the JUnit 5
     * entry point): it takes effect only before {@code java.net.http} is first used in the JVM.
     */
    public static void prepareJdkHttpClient() {
        allowHostHeader();
        retryOnClosedPooledConnections();
    }

    /**
     * The forged-host scenario sends its own {@code Host}; the JDK client allows that only when
     * this property names it before {@code java.net.http} is first used, so it is set first thing.
     */
    static void allowHostHeader() {
        String current = System.getProperty(RESTRICTED_HEADERS, "").strip();
        boolean listed = java.util.Arrays.stream(current.split(",")).anyMatch(h -> h.strip().equalsIgnoreCase("host"));
        if (!listed) {
            System.setProperty(RESTRICTED_HEADERS, current.isEmpty() ? "host" : current + ",host");
        }
    }

    /**
     * A server may close a kept-alive connection after answering (many do after a 4xx). The JDK
     * client then fails the next request sent on that pooled connection with "header parser
     * received no bytes", before the server saw any of it, and retries on a new connection only
     * for idempotent methods. MCP requests are POSTs, so allow that retry for every method;
     * without it a verdict would depend on connection reuse, not on the server's answer.
     */
    static void retryOnClosedPooledConnections() {
        if (System.getProperty(RETRY_ALL_METHODS) == null) {
            System.setProperty(RETRY_ALL_METHODS, "true");
        }
    }
}
