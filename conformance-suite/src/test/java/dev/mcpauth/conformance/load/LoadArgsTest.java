package dev.mcpauth.conformance.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadArgsTest {
    private static final List<String> REQUIRED = List.of("--target", "http://127.0.0.1:8080/mcp",
            "--issuer", "http://127.0.0.1:9000");

    @Test
    void defaults() throws LoadArgumentException {
        LoadOptions o = LoadArgs.parse(REQUIRED);
        assertThat(o.connections()).isEqualTo(64);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.requests()).isEmpty();
        assertThat(o.mix().toString()).isEqualTo(TokenMix.DEFAULT);
        assertThat(o.tool()).isEmpty();
        assertThat(o.specVersion()).isEqualTo(dev.mcpauth.conformance.spec.SpecVersion.V2025_06_18);
        assertThat(o.stateless()).isFalse();
    }

    @Test
    void everyOption() throws LoadArgumentException {
        List<String> args = new ArrayList<>(REQUIRED);
        args.addAll(List.of("--connections", "32", "--duration", "2m", "--warmup", "500ms", "--requests", "1000000",
                "--mix", "good=90,no-token=10", "--tool", "whoami", "--scope", "mcp:read", "--spec-version", "2026-07-28",
                "--out", "x", "--timeout", "3"));
        LoadOptions o = LoadArgs.parse(args);
        assertThat(o.connections()).isEqualTo(32);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.requests()).contains(1_000_000L);
        assertThat(o.mix().weight(TokenKind.GOOD)).isEqualTo(90);
        assertThat(o.mix().weight(TokenKind.EXPIRED)).isZero();
        assertThat(o.tool()).contains("whoami");
        assertThat(o.scope()).contains("mcp:read");
        assertThat(o.stateless()).isTrue();
        assertThat(o.out()).contains(java.nio.file.Path.of("x"));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--connections|0|load: --connections 0 is outside 1..4096",
            "--connections|many|load: --connections 'many' is not a whole number",
            "--duration|30x|load: --duration '30x' is not a duration like 30s, 2m or 500ms",
            "--duration|0s|load: --duration must be more than 0",
            "--mix|good=80,bad=20|load: --mix kind 'bad' is unknown (known: good, expired, wrong-aud, bad-sig, no-token)",
            "--mix|good|load: --mix entry 'good' is not kind=weight",
            "--mix|good=0|load: the mix sends nothing",
            "--mix|good=1,good=2|load: --mix names good twice",
            "--spec-version|2024-11-05|load: --spec-version: unsupported spec version '2024-11-05'; use one of 2025-06-18, 2025-11-25, 2026-07-28",
            "--trust-cert|/nonexistent/cert.pem|load: --trust-cert /nonexistent/cert.pem is not a readable file",
            "--bogus|1|load: unknown argument '--bogus'",
    })
    void badArgumentIsOneClearLine(String name, String value, String message) {
        List<String> args = new ArrayList<>(REQUIRED);
        args.addAll(List.of(name, value));
        assertThatThrownBy(() -> LoadArgs.parse(args)).isInstanceOf(LoadArgumentException.class).hasMessage(message);
    }

    @Test
    void missingOrBadUrls() {
        assertThatThrownBy(() -> LoadArgs.parse(List.of("--issuer", "http://i"))).hasMessage("load: --target URL is required");
        assertThatThrownBy(() -> LoadArgs.parse(List.of("--target", "ftp://h/mcp", "--issuer", "http://i")))
                .hasMessage("load: --target 'ftp://h/mcp' is not an http(s) URL with a host");
        assertThatThrownBy(() -> LoadArgs.parse(List.of("--target", "http://h/mcp", "--issuer")))
                .hasMessage("load: --issuer needs a value");
    }

    @Test
    void commandPrintsOneLineAndExitsTwoOnBadArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LoadCommand(new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).execute(List.of("--target", "http://127.0.0.1:1/mcp"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: load: --issuer URL is required (see --help)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void defaultReportDirectoryNamesDateHostAndPort() {
        java.time.Instant t = java.time.Instant.parse("2026-12-06T03:00:00Z");
        assertThat(LoadCommand.defaultDir(java.net.URI.create("http://127.0.0.1:8080/mcp"), t))
                .isEqualTo(java.nio.file.Path.of("reports/perf/2026-12-06-127.0.0.1-8080"));
        assertThat(LoadCommand.defaultDir(java.net.URI.create("https://mcp.example.com/mcp"), t))
                .isEqualTo(java.nio.file.Path.of("reports/perf/2026-12-06-mcp.example.com-443"));
    }

    @Test
    void scopeComesFromTheChallenge() {
        assertThat(LoadCommand.scopeParam("Bearer resource_metadata=\"https://h/.well-known/x\", scope=\"mcp:read\""))
                .contains("mcp:read");
        assertThat(LoadCommand.scopeParam("Bearer error=\"invalid_token\"")).isEqualTo(Optional.empty());
    }
}
