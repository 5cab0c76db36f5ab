package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code mcp.auth.mode} and the introspection settings (RS-60): defaults, and every refusal. */
class AuthModeSettingsReaderTest {

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static String refusal(String... pairs) {
        return assertThrows(SettingsRefusedException.class,
                            () -> AuthModeSettingsReader.read(SettingsSource.of(values(pairs)))).getMessage();
    }

    @Test
    void readWhenNothingSetThenJwtOnlyWithDefaults() {
        AuthModeSettings settings = AuthModeSettingsReader.read(SettingsSource.of(Map.of()));
        assertThat(settings.mode(), is(AuthMode.JWT));
        assertThat(settings.introspectionEndpoint(), is(Optional.empty()));
        assertThat(settings.cacheTtl(), is(Duration.ofSeconds(60)));
        assertThat(settings.retryInterval(), is(Duration.ofSeconds(1)));
        assertThat(settings.scopeClaim(), is(Optional.empty()));
    }

    @Test
    void readWhenIntrospectionConfiguredThenEverythingIsKeptAndTheSecretIsNeverShown() {
        AuthModeSettings settings = AuthModeSettingsReader.read(SettingsSource.of(values(
                "mcp.auth.mode", "introspection", "mcp.auth.client-id", "rs", "mcp.auth.client-secret", "s3cr3t-value",
                "mcp.auth.introspection-endpoint", "https://as.example/introspect",
                "mcp.auth.introspection-cache-ttl", "30", "mcp.auth.introspection-retry-interval-ms", "250",
                "mcp.auth.scope-claim", "scp")));
        assertThat(settings.mode(), is(AuthMode.INTROSPECTION));
        assertThat(settings.introspectionEndpoint(), is(Optional.of(URI.create("https://as.example/introspect"))));
        assertThat(settings.cacheTtl(), is(Duration.ofSeconds(30)));
        assertThat(settings.retryInterval(), is(Duration.ofMillis(250)));
        assertThat(settings.scopeClaim(), is(Optional.of("scp")));
        assertThat(settings.toString(), not(containsString("s3cr3t-value")));
    }

    @Test
    void readWhenModeUnknownOrCredentialsMissingThenRefuses() {
        assertThat(refusal("mcp.auth.mode", "opaque"), containsString("mcp.auth.mode must be jwt, introspection or both"));
        assertThat(refusal("mcp.auth.mode", "both", "mcp.auth.client-id", "rs"),
                   containsString("mcp.auth.mode=both needs mcp.auth.client-id and mcp.auth.client-secret"));
        assertThat(refusal("mcp.auth.client-id", "a:b"), containsString("must not contain ':'"));
    }

    @Test
    void readWhenEndpointInsecureOrNumbersOutOfRangeThenRefuses() {
        assertThat(refusal("mcp.auth.introspection-endpoint", "http://as.example/introspect"),
                   containsString("mcp.auth.introspection-endpoint must use https://"));
        assertThat(refusal("mcp.auth.introspection-cache-ttl", "-1"),
                   containsString("mcp.auth.introspection-cache-ttl must be between 0 and 3600"));
        assertThat(refusal("mcp.auth.introspection-retry-interval-ms", "soon"), containsString("must be a whole number"));
        assertThat(refusal("mcp.auth.scope-claim", "scope claim"), containsString("mcp.auth.scope-claim must be a claim name"));
    }

    @Test
    void settingsReaderRefusesAContradictingModeAtStartup() {
        String message = assertThrows(SettingsRefusedException.class, () -> SettingsReader.read(SettingsSource.of(values(
                "mcp.auth.issuer", "https://as.example", "mcp.auth.mode", "introspection")))).getMessage();
        assertThat(message, containsString("needs mcp.auth.client-id"));
    }
}
