package dev.mcpauth.server.metadata;

import static dev.mcpauth.server.support.McpCalls.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * RFC 9728 metadata (RS-01, RS-02, RS-03, RS-04, RS-05, RS-06, RS-07, RS-08, RS-09, RS-12, RS-14) and
 * the readiness check.
 */
@WithTestIssuer(config = "mcp.resource-name=Test MCP")
@HelidonTest
class ProtectedResourceMetadataTest {

    private static TestIssuer ISSUER;

    /** RS-01, RS-02, RS-03, RS-04, RS-05, RS-06, RS-07, RS-08, RS-09. */
    @Test
    void pathInsertedMetadataIsPublicJsonWithExactResource() {
        Response response = request().get("/.well-known/oauth-protected-resource/mcp");
        assertThat(response.statusCode(), is(200));
        assertThat(response.contentType(), startsWith("application/json"));
        assertThat(response.jsonPath().getString("resource"), is(TestConfig.RESOURCE));
        assertThat(response.jsonPath().getList("authorization_servers"), contains(ISSUER.issuer()));
        assertThat(response.jsonPath().getList("scopes_supported"), contains("mcp:read", "mcp:write", "mcp:admin"));
        assertThat(response.jsonPath().getList("bearer_methods_supported"), contains("header"));
        assertThat(response.jsonPath().getString("resource_name"), is("Test MCP"));
        assertThat(response.jsonPath().getMap("").size(), is(5));
    }

    @Test
    void rs14_metadataIsReadableFromAnyOrigin() {
        Response response = request().header("Origin", "https://anywhere.test").get("/.well-known/oauth-protected-resource/mcp");
        assertThat(response.header("Access-Control-Allow-Origin"), is("*"));
    }

    @Test
    void rs12_noRootMetadataBecauseTheEndpointIsNotTheRoot() {
        assertThat(request().get("/.well-known/oauth-protected-resource").statusCode(), is(404));
    }

    @Test
    void readinessReportsUpOnceSigningKeysAreLoaded() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Response ready = request().get("/health/ready");
        while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            ready = request().get("/health/ready");
        }
        assertThat(ready.statusCode(), is(200));
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'signing-keys' }.status"), is("UP"));
        assertThat(ready.jsonPath().getInt("checks.find { it.name == 'signing-keys' }.data.keys"), is(2));
    }
}
