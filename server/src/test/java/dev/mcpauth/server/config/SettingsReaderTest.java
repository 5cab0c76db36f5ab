package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings check behind the startup refusal (RS-05, RS-13). */
class SettingsReaderTest {

    static final String ISSUER = "https://id.example.test/realms/mcp";

    @Test
    void readWhenOnlyIssuerIsSetThenDefaultsDescribeLoopbackMcp() {
        McpSettings settings = SettingsReader.read(source(Map.of()));
        assertThat(settings.resourceId(), is("http://127.0.0.1:8080/mcp"));
        assertThat(settings.protectedResourceMetadataUrl(), is("http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp"));
        assertThat(settings.resourceOrigin(), is("http://127.0.0.1:8080"));
        assertThat(settings.issuerId(), is(ISSUER));
        assertThat(settings.jwksUri(), is(Optional.empty()));
        assertThat(settings.scopesSupported(), contains("mcp:read", "mcp:write", "mcp:admin"));
        assertThat(settings.tokenType(), is(TokenTypeProfile.LENIENT));
        assertThat(settings.clockSkew(), is(Duration.ofSeconds(60)));
    }

    @Test
    void readWhenHttpsResourceOnPublicHostThenAcceptedBehindATlsProxy() {
        McpSettings settings = SettingsReader.read(source(Map.of("mcp.resource", "https://mcp.example.test/mcp",
                                                                 "mcp.auth.token-type", "RFC9068")));
        assertThat(settings.protectedResourceMetadataUrl(),
                   is("https://mcp.example.test/.well-known/oauth-protected-resource/mcp"));
        assertThat(settings.tokenType(), is(TokenTypeProfile.RFC9068));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "mcp.resource              | http://127.0.0.1:8080/mcp/          | has a trailing slash",
            "mcp.resource              | http://127.0.0.1:8080/api/mcp       | path must be /mcp",
            "mcp.resource              | http://127.0.0.1:8080               | path must be /mcp",
            "mcp.resource              | http://127.0.0.1:8080/mcp?x=1       | must not have user info, a query or a fragment",
            "mcp.resource              | http://127.0.0.1:8080/mcp#top       | must not have user info, a query or a fragment",
            "mcp.resource              | http://mcp.example.test/mcp         | uses http:// on non-loopback host mcp.example.test without TLS",
            "mcp.resource              | https://MCP.example.test/mcp        | lower-case scheme and host",
            "mcp.resource              | /mcp                                | must be an absolute http(s) URL",
            "mcp.auth.issuer           | http://id.example.test/realms/mcp   | mcp.auth.issuer must use https://",
            "mcp.auth.issuer           | https://id.example.test/x?y=1       | mcp.auth.issuer must not have a query",
            "mcp.auth.jwks-uri         | ftp://id.example.test/jwks          | mcp.auth.jwks-uri must be an absolute http(s) URL",
            "mcp.auth.token-type       | strict                              | must be lenient or rfc9068",
            "mcp.auth.clock-skew       | 301                                 | between 0 and 300 seconds",
            "mcp.auth.clock-skew       | PT60S                               | whole number of seconds",
            "mcp.auth.scopes-supported | mcp:write,mcp:admin                 | must list mcp:read",
            "mcp.auth.scopes-supported | mcp:read,mcp:admin,offline_access   | must not list offline_access",
            "mcp.auth.scopes-supported | mcp:read,mcp:admin                  | must list mcp:write, which the built-in tools require",
            "mcp.allowed-origins       | https://app.example.test/path       | entries must be lower-case scheme://host[:port]",
            "mcp.allowed-origins       | *                                   | entries must be lower-case scheme://host[:port]"})
    void readWhenSettingsContradictThenRefusesWithTheReason(String key, String value, String reason) {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of(key, value))));
        assertThat(refused.getMessage(), containsString(reason));
        assertThat(refused.getMessage().contains("\n"), is(false));
    }

    @Test
    void readWhenIssuerMissingThenRefuses() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(SettingsSource.of(Map.of())));
        assertThat(refused.problems(), contains("mcp.auth.issuer is required (the authorization server's issuer identifier)"));
    }

    @Test
    void readWhenLoopbackResourcePortDiffersFromServerPortThenRefuses() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of("server.port", "9090"))));
        assertThat(refused.getMessage(), containsString("mcp.resource is on loopback port 8080 but server.port is 9090"));
        assertThat(SettingsReader.read(source(Map.of("server.port", "0"))).resourceId(), is("http://127.0.0.1:8080/mcp"));
    }

    @Test
    void readWhenHttpResourceButServerListensBeyondLoopbackThenRefuses() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of("server.host", "0.0.0.0"))));
        assertThat(refused.problems(), contains("mcp.resource uses http:// but server.host 0.0.0.0 listens beyond "
                + "loopback; keep server.host on loopback or use https:// with server.tls.*"));
        assertThat(SettingsReader.read(source(Map.of("server.host", "127.0.0.1"))).resourceId(),
                is("http://127.0.0.1:8080/mcp"));
    }

    @Test
    void readWhenHttpResourceButTlsConfiguredThenRefuses() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of("server.tls.private-key.keystore.resource.path", "k.p12"))));
        assertThat(refused.getMessage(), containsString("uses http:// but server.tls.* is configured"));
    }

    @Test
    void readWhenHttpsResourceWithTlsAndAKeystoreFileThenAccepted(@TempDir Path dir) throws IOException {
        Path keystore = Files.writeString(dir.resolve("server.p12"), "not parsed here");
        McpSettings publicHost = SettingsReader.read(source(Map.of("mcp.resource", "https://mcp.example.test/mcp",
                "server.tls.private-key.keystore.resource.path", keystore.toString())));
        assertThat(publicHost.resourceId(), is("https://mcp.example.test/mcp"));
        McpSettings loopback = SettingsReader.read(source(Map.of("mcp.resource", "https://127.0.0.1:8443/mcp",
                "server.port", "8443", "server.tls.private-key.keystore.resource.path", keystore.toString())));
        assertThat(loopback.protectedResourceMetadataUrl(), is("https://127.0.0.1:8443/.well-known/oauth-protected-resource/mcp"));
    }

    @Test
    void readWhenTlsKeystoreFileIsMissingThenRefuses(@TempDir Path dir) {
        String missing = dir.resolve("absent.p12").toString();
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of("mcp.resource", "https://mcp.example.test/mcp",
                        "server.tls.private-key.keystore.resource.path", missing))));
        assertThat(refused.problems(), contains("server.tls.private-key.keystore.resource.path names " + missing
                + ", which is not a readable file"));
    }

    @Test
    void readWhenTlsHasNoPrivateKeyThenRefuses() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(source(Map.of("mcp.resource", "https://mcp.example.test/mcp",
                        "server.tls.trust.keystore.resource.path", "/dev/null"))));
        assertThat(refused.problems(), contains("server.tls.* is configured but server.tls.private-key.* is not; "
                + "the server would have no certificate to present"));
    }

    @Test
    void readWhenTlsIsDisabledThenHttpOnLoopbackIsFine() {
        McpSettings settings = SettingsReader.read(source(Map.of("server.tls.enabled", "false",
                "server.tls.private-key.keystore.resource.path", "/no/such/file.p12")));
        assertThat(settings.resourceId(), is("http://127.0.0.1:8080/mcp"));
    }

    @Test
    void readWhenSeveralProblemsThenAllAreReportedInOneLine() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(SettingsSource.of(Map.of("mcp.resource", "http://127.0.0.1/mcp/",
                                                                   "mcp.auth.clock-skew", "-1"))));
        assertThat(refused.problems(), hasSize(3));
        assertThat(refused.getMessage(), containsString("; "));
    }

    private static SettingsSource source(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("mcp.auth.issuer", ISSUER);
        return SettingsSource.of(all);
    }
}
