package dev.mcpauth.server.compat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.mcpauth.server.config.SettingsRefusedException;
import dev.mcpauth.server.config.SettingsSource;
import dev.mcpauth.server.memory.domain.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mcp.compat.*}: off unless the port is set; then loopback only, never the OAuth port, one named user. */
class CompatSettingsReaderTest {

    private static Optional<CompatSettings> read(String... kv) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return CompatSettingsReader.read(SettingsSource.of(values));
    }

    @Test
    void offWithoutAPort() {
        assertThat(read("mcp.compat.subject", "alice"), is(Optional.empty()));
    }

    @Test
    void loopbackByDefaultAsTheLocalUser() {
        assertThat(read("mcp.compat.port", "8081", "mcp.compat.subject", "alice", "server.port", "8080"),
                is(Optional.of(new CompatSettings("127.0.0.1", 8081, new Owner("local", "alice")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "localhost", "127.0.0.2"})
    void anyLoopbackAddressIsAccepted(String host) {
        assertThat(read("mcp.compat.port", "8081", "mcp.compat.host", host, "mcp.compat.subject", "alice")
                .orElseThrow().host(), is(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "mcp.example.test"})
    void aNonLoopbackHostIsRefusedInOneLine(String host) {
        SettingsRefusedException e = assertThrows(SettingsRefusedException.class,
                () -> read("mcp.compat.port", "8081", "mcp.compat.host", host, "mcp.compat.subject", "alice"));
        assertThat(e.getMessage(), is("mcp-auth-server refused to start: mcp.compat.host must be a loopback address "
                + "(127.0.0.1, ::1 or localhost): the legacy listener has no authentication, got " + host));
    }

    @Test
    void theOAuthPortIsRefused() {
        SettingsRefusedException e = assertThrows(SettingsRefusedException.class,
                () -> read("mcp.compat.port", "8080", "server.port", "8080", "mcp.compat.subject", "alice"));
        assertThat(e.getMessage(), is("mcp-auth-server refused to start: mcp.compat.port must differ from "
                + "server.port (8080): the OAuth port never serves unauthenticated calls"));
    }

    @Test
    void theUserAndAPortNumberAreRequired() {
        SettingsRefusedException e = assertThrows(SettingsRefusedException.class,
                () -> read("mcp.compat.port", "eighty"));
        assertThat(e.getMessage(), is("mcp-auth-server refused to start: mcp.compat.port must be a TCP port number "
                + "(0 to 65535), got eighty; mcp.compat.subject is required with mcp.compat.port (the one local "
                + "user the legacy listener serves)"));
    }
}
