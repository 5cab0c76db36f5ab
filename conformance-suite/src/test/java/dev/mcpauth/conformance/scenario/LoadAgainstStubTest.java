package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.load.LoadCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code load} command proven both ways against the in-test stub MCP server: a correct stub
 * gets zero wrong decisions and exit 0; a stub broken in exactly one auth respect gets wrong
 * decisions of exactly that credential kind and exit 1.
 */
class LoadAgainstStubTest {
    private static final List<String> KINDS = List.of("good", "expired", "wrong-aud", "bad-sig", "no-token");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int load(StubMcpServer stub, String... extra) {
        List<String> args = new ArrayList<>(List.of("--target", stub.target().toString(),
                "--issuer", StubHarness.issuer().issuerUrl().toString(),
                "--trust-cert", StubTls.get().certificate().toString(),
                "--connections", "4", "--warmup", "0", "--duration", "20s", "--requests", "400",
                "--out", dir.toString()));
        args.addAll(List.of(extra));
        return new LoadCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).execute(args);
    }

    private JsonObject report() throws IOException {
        return Json.createReader(new StringReader(Files.readString(dir.resolve("load.json")))).readObject();
    }

    private static long wrong(JsonObject report, String kind) {
        return report.getJsonObject("by_kind").getJsonObject(kind).getJsonNumber("wrong").longValue();
    }

    @Test
    void correctStubGetsNoWrongDecisionAndExitZero() throws IOException {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(), StubSetup.plain(false))) {
            int code = load(stub);
            assertThat(code).as(err.toString()).isZero();
            JsonObject r = report();
            assertThat(r.getString("verdict")).isEqualTo("PASS");
            assertThat(r.getJsonNumber("requests").longValue()).isEqualTo(400);
            assertThat(r.getJsonNumber("wrong_decisions").longValue()).isZero();
            assertThat(r.getJsonNumber("errors").longValue()).isZero();
            assertThat(r.getString("tool")).isEqualTo("whoami");
            assertThat(r.getString("scope")).isEqualTo(StubMcpServer.BASELINE);
            for (String kind : KINDS) {
                JsonObject k = r.getJsonObject("by_kind").getJsonObject(kind);
                assertThat(k.getJsonNumber("sent").longValue()).as(kind).isPositive();
                assertThat(k.getJsonNumber("correct").longValue()).as(kind).isEqualTo(k.getJsonNumber("sent").longValue());
            }
            // 80 % good answered 200, the rest refused with 401
            assertThat(r.getJsonObject("status_counts").keySet()).containsExactlyInAnyOrder("200", "401");
            assertThat(Files.readString(dir.resolve("load.md"))).startsWith("# Load: PASS — " + stub.target());
            assertThat(out.toString()).startsWith("load: PASS 400 requests in ");
        }
    }

    @Test
    void correctStatelessStubGetsNoWrongDecision() throws IOException {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(), StubSetup.plain(false))) {
            assertThat(load(stub, "--spec-version", "2026-07-28")).as(err.toString()).isZero();
            assertThat(report().getJsonNumber("wrong_decisions").longValue()).isZero();
            assertThat(report().getJsonNumber("errors").longValue()).isZero();
        }
    }

    static Stream<Arguments> brokenStubs() {
        return Stream.of(
                Arguments.of(StubDefect.ACCEPT_EXPIRED, List.of("expired")),
                Arguments.of(StubDefect.IGNORE_AUDIENCE, List.of("wrong-aud")),
                Arguments.of(StubDefect.SKIP_SIGNATURE, List.of("bad-sig")),
                // a session id stands in for the token: every credential on the session is accepted
                Arguments.of(StubDefect.SESSION_AS_AUTH, List.of("expired", "wrong-aud", "bad-sig", "no-token")),
                Arguments.of(StubDefect.TOOLS_CALL_UNAUTHORIZED, List.of("good")));
    }

    @ParameterizedTest
    @MethodSource("brokenStubs")
    void brokenStubGetsWrongDecisionsOfThatKindAndExitOne(StubDefect defect, List<String> wrongKinds) throws IOException {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(defect),
                StubSetup.plain(false))) {
            assertThat(load(stub)).as(err.toString()).isEqualTo(1);
            JsonObject r = report();
            assertThat(r.getString("verdict")).isEqualTo("FAIL");
            for (String kind : KINDS) {
                if (wrongKinds.contains(kind)) {
                    assertThat(wrong(r, kind)).as(kind).isEqualTo(
                            r.getJsonObject("by_kind").getJsonObject(kind).getJsonNumber("sent").longValue());
                } else {
                    assertThat(wrong(r, kind)).as(kind).isZero();
                }
            }
            assertThat(out.toString()).contains("load: WRONG DECISION: " + wrongKinds.get(0) + " answered ");
        }
    }

    @Test
    void stubRefusingEveryGoodTokenFailsAtTheHandshake() {
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(StubDefect.REJECT_ALL_TOKENS),
                StubSetup.plain(false))) {
            assertThat(load(stub)).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: load: WRONG DECISION: the target refused a good token")
                    .hasLineCount(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void deadTargetIsOneLineAndExitTwo() throws IOException {
        int port = StubHarness.freePort();
        int code = new LoadCommand(new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).execute(List.of("--target", "http://127.0.0.1:" + port + "/mcp",
                "--issuer", StubHarness.issuer().issuerUrl().toString(), "--out", dir.toString()));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: load: cannot reach the target http://127.0.0.1:" + port + "/mcp: ")
                .hasLineCount(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void deadIssuerIsOneLineAndExitTwo() throws IOException {
        int port = StubHarness.freePort();
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(), StubSetup.plain(false))) {
            int code = new LoadCommand(new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC()).execute(List.of("--target", stub.target().toString(),
                    "--trust-cert", StubTls.get().certificate().toString(),
                    "--issuer", "http://127.0.0.1:" + port, "--out", dir.toString()));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("error: load: cannot use the issuer http://127.0.0.1:" + port + ": ")
                    .hasLineCount(1);
            assertThat(dir).isEmptyDirectory();
        }
    }
}
