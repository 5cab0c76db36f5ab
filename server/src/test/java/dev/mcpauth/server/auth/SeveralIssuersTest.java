package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.mcpauth.server.support.McpCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.auth.issuer=A,B}: both are listed in the PRM, each issuer's tokens pass with its own
 * discovered keys, and {@code iss} (compared exactly, RS-47) picks the key set, so a token claiming
 * A but signed with B's key (same {@code kid}, different key) is refused.
 */
@WithTestIssuer(secondIssuer = true)
@HelidonTest
class SeveralIssuersTest {

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;
    private static TestIssuer SECOND_ISSUER;
    private static TokenMinter SECOND_MINT;

    private static final String INVALID_SIGNATURE = "Bearer error=\"invalid_token\", error_description=\"token "
            + "signature invalid\", resource_metadata=\"" + TestConfig.PRM_URL + "\", scope=\"mcp:read\"";
    private static final String ISSUER_MISMATCH = "Bearer error=\"invalid_token\", error_description=\"token "
            + "issuer mismatch\", resource_metadata=\"" + TestConfig.PRM_URL + "\", scope=\"mcp:read\"";

    @Test
    void rs04_prmListsBothIssuersInConfiguredOrder() {
        Response response = request().get("/.well-known/oauth-protected-resource/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(response.jsonPath().getList("authorization_servers"),
                   contains(ISSUER.issuer(), SECOND_ISSUER.issuer()));
    }

    @Test
    void rs47_tokenFromFirstIssuerIsAccepted() {
        assertThat(initialize(MINT.token().sign()).statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void rs47_tokenFromSecondIssuerIsAccepted() {
        assertThat(initialize(SECOND_MINT.token().sign()).statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void rs47_tokenClaimingFirstIssuerButSignedBySecondIsRefused() {
        Response response = initialize(SECOND_MINT.token().claim("iss", ISSUER.issuer()).sign());
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is(INVALID_SIGNATURE));
    }

    @Test
    void rs47_tokenClaimingSecondIssuerButSignedByFirstIsRefused() {
        Response response = initialize(MINT.token().claim("iss", SECOND_ISSUER.issuer()).sign());
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is(INVALID_SIGNATURE));
    }

    @Test
    void rs47_unlistedIssuerIsRefusedAsBefore() {
        Response response = initialize(MINT.token().claim("iss", SECOND_ISSUER.issuer() + "/").sign());
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is(ISSUER_MISMATCH));
    }

    @Test
    void readinessNeedsTheKeysOfEveryIssuer() {
        initialize(MINT.token().sign());
        initialize(SECOND_MINT.token().sign());
        assertThat(request().get("/health/ready").statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void serverStatusNamesEveryTrustedIssuer() {
        String token = MINT.token().scope("mcp:read mcp:admin").sign();
        Response status = McpCalls.post(token, McpCalls.initialize(token), McpCalls.toolCall("server_status"));
        assertThat(status.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(status.jsonPath().getList("result.structuredContent.issuers"),
                   contains(ISSUER.issuer(), SECOND_ISSUER.issuer()));
    }

    private static Response initialize(String token) {
        return withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
    }
}
