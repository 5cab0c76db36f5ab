package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.options.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCommandParseTest {
    private static final String TARGET = "http://127.0.0.1:8080/mcp";
    private static final String SECRET = "opaque-operator-token-123";

    private static RunCommand.Request parse(Map<String, String> env, String... args) throws UsageException {
        return RunCommand.parse(List.of(args), env, Optional.empty());
    }

    private static RunCommand.Request parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    @Test
    void defaultsNeedOnlyATarget() throws UsageException {
        RunCommand.Request request = parse("--target", TARGET);
        RunOptions options = request.options();
        assertThat(options.target()).isEqualTo(URI.create(TARGET));
        assertThat(options.issuer()).isEmpty();
        assertThat(options.specVersion()).isEqualTo(SpecVersion.DEFAULT);
        assertThat(options.scenarioIds()).isEmpty();
        assertThat(options.token()).isEmpty();
        assertThat(options.lowScopeToken()).isEmpty();
        assertThat(options.baselineScope()).isEmpty();
        assertThat(options.privilegedScope()).isEmpty();
        assertThat(options.privilegedTool()).isEmpty();
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(request.outDir()).isEqualTo(Path.of("reports/latest"));
        assertThat(request.expectedFailures()).isEmpty();
        assertThat(request.debug()).isFalse();
    }

    @Test
    void everyOptionReachesRunOptions() throws UsageException {
        RunCommand.Request request = parse("--target", TARGET, "--issuer=http://127.0.0.1:9400",
                "--spec-version", "2025-06-18", "--out", "out/dir", "--scenario", "missing-token,expired-token",
                "--scenario", "wrong-audience", "--expected-failures", "ci/expected.txt", "--token", SECRET,
                "--low-scope-token", "low-scope-token-456", "--scope", "mcp:basic", "--privileged-scope", "mcp:admin",
                "--privileged-tool", "deploy", "--timeout", "2.5", "--debug");
        RunOptions options = request.options();
        assertThat(options.issuer()).contains(URI.create("http://127.0.0.1:9400"));
        assertThat(options.specVersion()).isEqualTo(SpecVersion.V2025_06_18);
        assertThat(options.scenarioIds()).containsExactly("missing-token", "expired-token", "wrong-audience");
        assertThat(options.token()).contains(SECRET);
        assertThat(options.lowScopeToken()).contains("low-scope-token-456");
        assertThat(options.baselineScope()).contains("mcp:basic");
        assertThat(options.privilegedScope()).contains("mcp:admin");
        assertThat(options.privilegedTool()).contains("deploy");
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(request.outDir()).isEqualTo(Path.of("out/dir"));
        assertThat(request.expectedFailures()).contains(Path.of("ci/expected.txt"));
        assertThat(request.debug()).isTrue();
        assertThat(request.secrets()).containsExactly(SECRET, "low-scope-token-456");
    }

    @Test
    void scenarioListsAreTrimmedAndDeduplicated() throws UsageException {
        assertThat(parse("--target", TARGET, "--scenario", " a , b", "--scenario", "a").options().scenarioIds())
                .containsExactly("a", "b");
    }

    @Test
    void scenarioIdsAreCheckedAgainstTheRegistryWhenThereIsOne() {
        ScenarioCatalog catalog = () -> List.of(new ScenarioCatalog.Scenario("missing-token", "Missing token"));
        assertThatThrownBy(() -> RunCommand.parse(List.of("--target", TARGET, "--scenario", "missing-tokn"), Map.of(),
                Optional.of(catalog)))
                .hasMessage("unknown scenario 'missing-tokn' (the 'list' command shows them)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,,b", "bad id", "-x"})
    void malformedScenarioIdsAreUsageErrors(String value) {
        assertThatThrownBy(() -> parse("--target", TARGET, "--scenario=" + value)).isInstanceOf(UsageException.class);
    }

    @Test
    void aMissingTargetIsAUsageError() {
        assertThatThrownBy(() -> parse("--spec-version", "2025-06-18"))
                .hasMessage("missing --target URL (the MCP endpoint to test)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://h/mcp|must be an absolute http or https URL",
            "/mcp|must be an absolute http or https URL",
            "localhost:8080/mcp|must be an absolute http or https URL",
            "http:///mcp|has no host",
            "http://user:pw@h/mcp|must not carry credentials",
            "http://h/mcp#frag|must not have a #fragment",
            "http://h/a b|is not a valid URL"})
    void badUrlsAreUsageErrors(String url, String message) {
        assertThatThrownBy(() -> parse("--target", url)).isInstanceOf(UsageException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> parse("--target", TARGET, "--issuer", url)).hasMessageStartingWith("--issuer");
    }

    @Test
    void httpsAndUppercaseSchemesAreAccepted() throws UsageException {
        assertThat(parse("--target", "HTTPS://mcp.example.test/mcp").options().target().getHost())
                .isEqualTo("mcp.example.test");
    }

    @Test
    void anUnsupportedSpecVersionIsAUsageError() {
        assertThatThrownBy(() -> parse("--target", TARGET, "--spec-version", "2025-03-26"))
                .hasMessage("unsupported --spec-version '2025-03-26'; use one of 2025-06-18, 2025-11-25, 2026-07-28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "601", "ten", "NaN", ""})
    void badTimeoutsAreUsageErrors(String value) {
        assertThatThrownBy(() -> parse("--target", TARGET, "--timeout=" + value)).isInstanceOf(UsageException.class);
    }

    @Test
    void timeoutsRoundUpToWholeMilliseconds() throws UsageException {
        assertThat(Parsers.seconds("--timeout", "0.0001")).isEqualTo(Duration.ofMillis(1));
        assertThat(Parsers.seconds("--timeout", "600")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTokenFileIsReadAndTrimmed(@TempDir Path tmp) throws IOException, UsageException {
        Path file = Files.writeString(tmp.resolve("token"), SECRET + "\n");
        assertThat(parse("--target", TARGET, "--token-file", file.toString()).options().token()).contains(SECRET);
        assertThat(parse("--target", TARGET, "--low-scope-token-file", file.toString()).options().lowScopeToken())
                .contains(SECRET);
    }

    @Test
    void tokensComeFromTheEnvironmentWhenNoFlagGivesThem() throws UsageException {
        Map<String, String> env = Map.of(RunArgs.TOKEN_ENV, SECRET, RunArgs.LOW_SCOPE_TOKEN_ENV, "low-scope-token-456");
        RunOptions options = parse(env, "--target", TARGET).options();
        assertThat(options.token()).contains(SECRET);
        assertThat(options.lowScopeToken()).contains("low-scope-token-456");
        assertThat(parse(env, "--target", TARGET, "--token", "flag-token-789").options().token()).contains("flag-token-789");
    }

    @Test
    void otherUserAndOtherAudienceTokensComeFromFlagsFilesOrTheEnvironmentAndAreSecrets(@TempDir Path tmp)
            throws IOException, UsageException {
        Path file = Files.writeString(tmp.resolve("other"), "other-audience-token-1\n");
        RunCommand.Request r = parse("--target", TARGET, "--other-user-token", "other-user-token-1",
                "--other-audience-token-file", file.toString());
        assertThat(r.options().extras().otherTokens().otherUser()).contains("other-user-token-1");
        assertThat(r.options().extras().otherTokens().otherAudience()).contains("other-audience-token-1");
        assertThat(r.secrets()).contains("other-user-token-1", "other-audience-token-1");
        assertThat(r.options().extras().otherTokens().toString()).doesNotContain("other-user-token-1");
        Map<String, String> env = Map.of(RunArgs.OTHER_USER_TOKEN_ENV, "env-user-2",
                RunArgs.OTHER_AUDIENCE_TOKEN_ENV, "env-audience-2");
        RunOptions fromEnv = parse(env, "--target", TARGET).options();
        assertThat(fromEnv.extras().otherTokens().otherUser()).contains("env-user-2");
        assertThat(fromEnv.extras().otherTokens().otherAudience()).contains("env-audience-2");
        assertThatThrownBy(() -> parse("--target", TARGET, "--other-user-token", "a", "--other-user-token-file",
                file.toString())).hasMessage("give --other-user-token or --other-user-token-file, not both");
    }

    @Test
    void aTokenFlagAndATokenFileTogetherAreAUsageError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("token"), SECRET);
        assertThatThrownBy(() -> parse("--target", TARGET, "--token", SECRET, "--token-file", file.toString()))
                .hasMessage("give --token or --token-file, not both");
    }

    @Test
    void tokenProblemsNeverEchoTheToken(@TempDir Path tmp) throws IOException {
        List<Throwable> errors = new ArrayList<>();
        String spaced = "secret with-space";
        errors.add(catchUsage(() -> parse("--target", TARGET, "--token", spaced)));
        errors.add(catchUsage(() -> parse(Map.of(RunArgs.TOKEN_ENV, "sec\u0000ret-value"), "--target", TARGET)));
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");
        errors.add(catchUsage(() -> parse("--target", TARGET, "--token-file", empty.toString())));
        errors.add(catchUsage(() -> parse("--target", TARGET, "--token-file", tmp.resolve("absent").toString())));
        assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(UsageException.class)
                .message().doesNotContain("secret").doesNotContain("sec\u0000ret"));
        assertThat(errors.get(3)).hasMessageContaining("no such file");
    }

    private static Throwable catchUsage(UsageCall call) {
        try {
            call.run();
        } catch (UsageException e) {
            return e;
        }
        throw new AssertionError("expected a UsageException");
    }

    @FunctionalInterface
    private interface UsageCall {
        void run() throws UsageException;
    }
}
