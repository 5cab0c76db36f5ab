package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.net.URI;
import java.net.http.HttpClient;

import org.junit.jupiter.api.Test;

/** RFC 8414 path insertion first, then OIDC appended (RS-07). */
class IssuerMetadataDiscoveryTest {

    @Test
    void candidatesWhenIssuerHasPathThenWellKnownIsInsertedBeforeThePath() {
        assertThat(candidates("https://id.example.test/realms/mcp"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server/realms/mcp"),
                URI.create("https://id.example.test/realms/mcp/.well-known/openid-configuration")));
    }

    @Test
    void candidatesWhenIssuerIsAnOriginThenNoPathIsAdded() {
        assertThat(candidates("https://id.example.test"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server"),
                URI.create("https://id.example.test/.well-known/openid-configuration")));
        assertThat(candidates("https://id.example.test/"), contains(
                URI.create("https://id.example.test/.well-known/oauth-authorization-server"),
                URI.create("https://id.example.test/.well-known/openid-configuration")));
    }

    private static java.util.List<URI> candidates(String issuer) {
        return new IssuerMetadataDiscovery(new HttpJson(HttpClient.newHttpClient()), issuer).candidates();
    }
}
