package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ProtectedUrl;
import dev.mcpauth.conformance.scenario.ProtectedUrlScenario;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --also-protect URL[,METHOD]}: repeatable, GET by default, the method upper-cased, bad values refused. */
class AlsoProtectArgsTest {
    private static List<ProtectedUrl> parse(String... more) throws UsageException {
        List<String> args = new java.util.ArrayList<>(List.of("--target", "https://127.0.0.1:8443/mcp"));
        args.addAll(List.of(more));
        return RunCommand.parse(args, Map.of(), Optional.empty()).options().alsoProtect();
    }

    @Test
    void repeatableWithGetByDefault() throws UsageException {
        assertThat(parse("--also-protect", "https://127.0.0.1:8443/api/memories",
                "--also-protect", "https://127.0.0.1:8443/api/memories/1,delete"))
                .containsExactly(new ProtectedUrl(URI.create("https://127.0.0.1:8443/api/memories"), "GET"),
                        new ProtectedUrl(URI.create("https://127.0.0.1:8443/api/memories/1"), "DELETE"));
        assertThat(parse()).isEmpty();
    }

    @Test
    void slugsNameMethodAndPath() {
        assertThat(ProtectedUrl.parse(URI.create("https://h/api/memories"), "").slug()).isEqualTo("get-api-memories");
        assertThat(ProtectedUrl.parse(URI.create("https://h"), "post").slug()).isEqualTo("post");
    }

    @Test
    void everyUrlGetsItsOwnScenarioAndCheckIds() {
        List<ProtectedUrlScenario> s = ProtectedUrlScenario.forUrls(List.of(
                ProtectedUrl.parse(URI.create("https://a.test/api/memories"), ""),
                ProtectedUrl.parse(URI.create("https://b.test/api/memories"), ""),
                ProtectedUrl.parse(URI.create("https://a.test/api/memories"), "DELETE")));
        assertThat(s).extracting(ProtectedUrlScenario::id).containsExactly("protected-url-get-api-memories",
                "protected-url-get-api-memories-2", "protected-url-delete-api-memories");
        assertThat(s.get(1).checks()).allSatisfy(c -> assertThat(c.id()).endsWith("-get-api-memories-2"));
        assertThat(s.get(1).title()).isEqualTo("Bearer edge of GET https://b.test/api/memories (--also-protect)");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> parse("--also-protect", "ftp://h/x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--also-protect");
        assertThatThrownBy(() -> parse("--also-protect", "https://h/x,BREW")).isInstanceOf(UsageException.class)
                .hasMessageContaining("method must be one of");
    }

    @Test
    void helpListsTheOption() {
        assertThat(RunFlags.ALL).contains(RunFlags.ALSO_PROTECT);
        assertThat(RunFlags.ALSO_PROTECT.repeatable()).isTrue();
    }
}
