package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No {@code mcp.auth.jwks-uri}: the JWKS is found through the issuer's RFC 8414 metadata
 * (RS-07). The server starts while the metadata names the wrong issuer, so discovery must refuse
 * it and fail closed with 503 (RS-61); once the metadata is right, the same server recovers.
 */
@HelidonTest
class DiscoveryTest {

    /** Its own issuer, not {@code @WithTestIssuer}: its metadata is wrong before the server starts. */
    private static final TestIssuer ISSUER = startWithWrongMetadataIssuer();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of("mcp.auth.jwks-uri", "", "mcp.auth.jwks-refresh-min-interval", "0"));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void rs07_rs61_metadataWithForeignIssuerIsRefusedThenDiscoveryRecovers() {
        Response unavailable = withToken(MINT.token().sign()).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(unavailable.statusCode(), is(503));
        assertThat(unavailable.header("Retry-After"), is("5"));
        assertThat(unavailable.header("WWW-Authenticate"), nullValue());
        assertThat(ISSUER.jwksFetches(), is(0));
        assertThat(request().get("/health/ready").statusCode(), is(503));

        ISSUER.metadataIssuer(ISSUER.issuer());
        Response ok = withToken(MINT.token().sign()).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(ok.statusCode(), is(200));
        assertThat(request().get("/health/ready").statusCode(), is(200));
    }

    private static TestIssuer startWithWrongMetadataIssuer() {
        TestIssuer issuer = TestIssuer.start();
        issuer.metadataIssuer("https://impostor.test/realms/test");
        return issuer;
    }
}
