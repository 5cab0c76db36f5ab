package dev.mcpauth.server.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.mcpauth.conformance.issuer.TestIssuer;

/**
 * The conformance suite's own test issuer (the one {@code bin/mcp-auth-conformance issuer} runs)
 * and this server in a process of its own, on a free loopback port, trusting that issuer with
 * {@code mcp.resource} equal to its real URL: what {@code ci/conformance.sh} starts, over http.
 * A separate JVM, because the Helidon test extension does not run JUnit dynamic tests.
 */
final class ReferenceServerProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final TestIssuer issuer;
    private final Process server;
    private final String resource;
    private final Path log;

    private ReferenceServerProcess(TestIssuer issuer, Process server, String resource, Path log) {
        this.issuer = issuer;
        this.server = server;
        this.resource = resource;
        this.log = log;
    }

    static ReferenceServerProcess start(Path workDir) throws IOException, InterruptedException {
        TestIssuer issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
        int port = freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        Path log = workDir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dserver.host=127.0.0.1", "-Dserver.port=" + port, "-Dmcp.resource=" + resource,
                "-Dmcp.auth.issuer=" + issuer.issuerUrl(), "-Dmcp.auth.token-type=rfc9068",
                "-Dmcp.auth.jwks-refresh-min-interval=1", "-Dmcp.store.h2.directory=" + workDir.resolve("data"),
                "dev.mcpauth.server.Main"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ReferenceServerProcess started = new ReferenceServerProcess(issuer, server, resource, log);
        started.awaitReady(port);
        return started;
    }

    String resource() {
        return resource;
    }

    String issuer() {
        return issuer.issuerUrl().toString();
    }

    Path log() {
        return log;
    }

    private void awaitReady(int port) throws IOException, InterruptedException {
        // HttpURLConnection, not java.net.http: that one reads its properties once, and the suite sets them later
        URI prm = URI.create("http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp");
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) prm.toURL().openConnection();
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("the server did not become ready within " + READY_WITHIN.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() {
        server.destroy();
        issuer.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
