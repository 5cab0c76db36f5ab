package dev.mcpauth.conformance.scenario;

import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.conformance.cli.Cli;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fuzz} command proven both ways: the correct stub passes (exit 0, no 5xx, no echo);
 * a stub that answers 500 to an empty bearer token, one that echoes the token, and a server that
 * stops answering each fail it (exit 1) with that finding, and the smallest failing request in
 * the report carries the token only as a fingerprint.
 */
class FuzzAgainstStubTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int fuzz(String target, String... extra) {
        List<String> args = new ArrayList<>(List.of("fuzz", "--target", target, "--requests", "900", "--seed", "42",
                "--connections", "4", "--out", dir.toString()));
        args.addAll(List.of(extra));
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                java.util.Map.of(), (options, listener) -> {
                    throw new AssertionError("fuzz runs no scenario");
                }, (host, port, keys) -> {
                    throw new IOException("fuzz starts no issuer");
                }, java.util.Optional.empty(), onStop -> onStop.run()).execute(args.toArray(String[]::new));
    }

    private int fuzzStub(Set<StubDefect> defects) throws IOException {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), defects, StubSetup.plain(false))) {
            return fuzz(stub.target().toString(), "--issuer", StubHarness.issuer().issuerUrl().toString(),
                    "--trust-cert", StubTls.get().certificate().toString(), "--timeout", "5");
        }
    }

    private JsonObject report() throws IOException {
        return Json.createReader(new StringReader(Files.readString(dir.resolve("fuzz.json")))).readObject();
    }

    @Test
    void correctStubPassesWithoutFiveHundredsOrEchoes() throws IOException {
        assertThat(fuzzStub(Set.of())).as(err.toString() + out).isZero();
        JsonObject r = report();
        assertThat(r.getString("verdict")).isEqualTo("PASS");
        assertThat(r.getJsonNumber("requests").longValue()).isEqualTo(900);
        assertThat(r.getJsonNumber("server_errors_5xx").longValue()).isZero();
        assertThat(r.getJsonNumber("token_echoes").longValue()).isZero();
        assertThat(r.getBoolean("good_token")).isTrue();
        assertThat(r.getJsonObject("families").getJsonObject("json-body").getJsonNumber("sent").longValue()).isEqualTo(100);
        assertThat(out.toString()).startsWith("fuzz: PASS 900 requests in ");
    }

    @Test
    void stubAnswering500ToAnEmptyBearerTokenFails() throws IOException {
        assertThat(fuzzStub(Set.of(StubDefect.SERVER_ERROR_ON_EMPTY_BEARER))).as(err.toString()).isEqualTo(1);
        JsonObject r = report();
        assertThat(r.getString("verdict")).isEqualTo("FAIL");
        assertThat(r.getJsonNumber("server_errors_5xx").longValue()).isPositive();
        JsonObject smallest = r.getJsonObject("smallest_failing_request");
        assertThat(smallest.getString("kind")).isEqualTo("SERVER_ERROR");
        assertThat(smallest.getString("family")).isEqualTo("authorization");
        assertThat(smallest.getInt("status")).isEqualTo(500);
        assertThat(Files.readString(dir.resolve("fuzz.md"))).contains("## Smallest failing request (SERVER_ERROR");
    }

    @Test
    void stubEchoingTheTokenFailsAndTheReportHoldsOnlyFingerprints() throws IOException {
        assertThat(fuzzStub(Set.of(StubDefect.ECHO_TOKEN))).as(err.toString()).isEqualTo(1);
        JsonObject r = report();
        assertThat(r.getJsonNumber("token_echoes").longValue()).isPositive();
        JsonObject smallest = r.getJsonObject("smallest_failing_request");
        assertThat(smallest.getString("kind")).isEqualTo("TOKEN_ECHOED");
        assertThat(smallest.getString("request")).contains("Authorization: Bearer [token sha256:");
        assertThat(out.toString()).contains("fuzz: TOKEN_ECHOED #");
    }

    @Test
    void serverThatStopsAnsweringFailsAndEndsTheRun() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger answered = new AtomicInteger();
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1/x\"");
            ex.sendResponseHeaders(401, -1);
            ex.close();
            if (answered.incrementAndGet() == 50) {
                new Thread(() -> server.stop(0)).start();
            }
        });
        server.start();
        try {
            assertThat(fuzz("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp", "--timeout", "2"))
                    .as(err.toString()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        JsonObject r = report();
        assertThat(r.getBoolean("stopped_answering")).isTrue();
        assertThat(r.getJsonNumber("requests").longValue()).isLessThan(900);
        assertThat(out.toString()).contains("the server STOPPED ANSWERING");
    }

    @Test
    void aRemoteTargetNeedsAllowRemote() {
        assertThat(fuzz("http://192.0.2.1/mcp")).isEqualTo(2);
        assertThat(err.toString()).contains("not a loopback address").contains("--allow-remote");
    }
}
