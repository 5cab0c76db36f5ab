package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.options.TypProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typ profile, grey-box, TLS and rotation-wait options of {@code run}. */
class ExtraArgsTest {
    private static final String TARGET = "http://127.0.0.1:8080/mcp";

    private static ExtraOptions extras(String... args) throws UsageException {
        List<String> all = new java.util.ArrayList<>(List.of("--target", TARGET));
        all.addAll(List.of(args));
        return RunCommand.parse(all, Map.of(), Optional.empty()).options().extras();
    }

    @Test
    void defaultsAreLenientWithNoGreyBoxHooks() throws UsageException {
        ExtraOptions e = extras();
        assertThat(e.typProfile()).isEqualTo(TypProfile.LENIENT);
        assertThat(e.serverLog()).isEmpty();
        assertThat(e.upstreamMockPort()).isEmpty();
        assertThat(e.upstreamTool()).isEqualTo("fetch_upstream");
        assertThat(e.trustCert()).isEmpty();
        assertThat(e.jwksRefetchWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(e.requireGreybox()).isFalse();
    }

    @Test
    void everyExtraOptionArrives(@TempDir Path dir) throws IOException, UsageException {
        Path cert = Files.writeString(dir.resolve("ca.pem"), "not checked here");
        ExtraOptions e = extras("--typ-profile", "RFC9068", "--server-log", dir.resolve("server.log").toString(),
                "--upstream-mock-port", "40123", "--upstream-tool", "call_api", "--trust-cert", cert.toString(),
                "--jwks-refetch-wait", "2.5", "--require-greybox");
        assertThat(e.typProfile()).isEqualTo(TypProfile.RFC9068);
        assertThat(e.requireGreybox()).isTrue();
        assertThat(e.serverLog()).contains(dir.resolve("server.log"));
        assertThat(e.upstreamMockPort()).contains(40123);
        assertThat(e.upstreamTool()).isEqualTo("call_api");
        assertThat(e.trustCert()).contains(cert);
        assertThat(e.jwksRefetchWait()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void badValuesAreUsageErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> extras("--typ-profile", "strict")).isInstanceOf(UsageException.class)
                .hasMessageContaining("lenient or rfc9068");
        assertThatThrownBy(() -> extras("--upstream-mock-port", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> extras("--upstream-mock-port", "http")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a port number");
        assertThatThrownBy(() -> extras("--upstream-tool", "x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --upstream-mock-port");
        assertThatThrownBy(() -> extras("--trust-cert", dir.resolve("missing.pem").toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> extras("--jwks-refetch-wait", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--jwks-refetch-wait must be more than 0");
    }
}
