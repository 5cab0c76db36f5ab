package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code mcp.auth.issuer} with one issuer or several, comma-separated (RS-47). */
class SeveralIssuersSettingsTest {

    static final String A = "https://a.example.test/realms/mcp";
    static final String B = "https://b.example.test/realms/mcp";

    @Test
    void oneIssuerReadsExactlyAsBefore() {
        McpSettings settings = SettingsReader.read(SettingsSource.of(Map.of("mcp.auth.issuer", A)));
        assertThat(settings.issuerId(), is(A));
        assertThat(settings.moreIssuers(), is(List.of()));
        assertThat(settings.issuerIds(), contains(A));
    }

    @Test
    void severalIssuersKeepTheirOrder() {
        McpSettings settings = SettingsReader.read(SettingsSource.of(Map.of("mcp.auth.issuer", A + " , " + B)));
        assertThat(settings.issuerId(), is(A));
        assertThat(settings.moreIssuers(), contains(URI.create(B)));
        assertThat(settings.issuerIds(), contains(A, B));
        assertThat(settings.forIssuer(URI.create(B)).issuerIds(), contains(B));
    }

    @Test
    void severalIssuersWithIntrospectionAreRefused() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class, () -> SettingsReader.read(
                SettingsSource.of(Map.of("mcp.auth.issuer", A + "," + B, "mcp.auth.mode", "both",
                                         "mcp.auth.client-id", "c", "mcp.auth.client-secret", "s"))));
        assertThat(refused.problems(), contains("mcp.auth.issuer lists several issuers, which needs mcp.auth.mode=jwt"));
    }

    @Test
    void severalIssuersWithOneExplicitJwksUriAreRefused() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class, () -> SettingsReader.read(
                SettingsSource.of(Map.of("mcp.auth.issuer", A + "," + B, "mcp.auth.jwks-uri", A + "/jwks"))));
        assertThat(refused.problems(), contains(
                "mcp.auth.jwks-uri cannot be used with several issuers in mcp.auth.issuer (each discovers its own)"));
    }

    @Test
    void aRepeatedOrInsecureIssuerIsRefused() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class, () -> SettingsReader.read(
                SettingsSource.of(Map.of("mcp.auth.issuer", A + "," + A + ",http://b.example.test"))));
        assertThat(refused.problems(), hasItem("mcp.auth.issuer lists an issuer twice"));
        assertThat(refused.problems(), hasItem("mcp.auth.issuer must use https:// (http:// is only allowed on loopback)"));
    }
}
