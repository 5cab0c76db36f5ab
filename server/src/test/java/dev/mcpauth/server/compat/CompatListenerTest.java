package dev.mcpauth.server.compat;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.TOOLS_LIST;
import static dev.mcpauth.server.support.McpCalls.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy listener ({@code mcp.compat.port}) on: older clients reach the tools without a token on
 * their loopback port, as the configured user, while the OAuth port stays exactly as strict as before
 * (RS-17: no credentials, 401 with the same challenge; RS-24: a token still opens a session there).
 */
@HelidonTest
class CompatListenerTest {
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);
    private static final Path DATA = temporaryDirectory();
    private static final String ADD = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"memory_add\",\"arguments\":{\"text\":\"legacy client note\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"memory_list\",\"arguments\":{}}}";

    @Inject
    CompatListener listener;

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of("mcp.compat.port", "0", "mcp.compat.subject", "alice",
                "mcp.store.h2.directory", DATA.toString()));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    private RequestSpecification compat() {
        return given().baseUri("http://127.0.0.1").port(listener.port().orElseThrow()).contentType(ContentType.JSON);
    }

    @Test
    void legacyClientsReachTheToolsWithoutATokenAsTheConfiguredUser() {
        Response init = compat().body(INITIALIZE).post("/mcp");
        assertThat(init.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(init.jsonPath().getString("result.protocolVersion"), is("2025-06-18"));
        assertThat(compat().body(TOOLS_LIST).post("/mcp").jsonPath().getList("result.tools.name"),
                hasItems("memory_add", "memory_search", "memory_list", "memory_get", "memory_delete"));
        assertThat(compat().body(ADD).post("/mcp").jsonPath().getBoolean("result.isError"), is(false));
        assertThat(compat().body(LIST).post("/mcp").body().asString(), containsString("legacy client note"));
        Response notification = compat().body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .post("/mcp");
        assertThat(notification.statusLine(), is("HTTP/1.1 202 Accepted"));
    }

    @Test
    void theOAuthPortStillRefusesEveryRequestWithoutAToken() {
        assertThat(listener.port().orElseThrow(), not(is(dev.mcpauth.server.support.McpCalls.port())));
        Response refused = request().contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(refused.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(refused.header("WWW-Authenticate"), is("Bearer resource_metadata=\""
                + "http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:read\""));
        Response call = request().contentType(ContentType.JSON).body(LIST).post("/mcp");
        assertThat(call.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        Response withToken = request().header("Authorization", "Bearer " + MINT.token().scope("mcp:read").sign())
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertThat(withToken.statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void aPageOfAnotherOriginIsRefusedAndOtherMethodsAreNotAllowed() {
        Response rebinding = compat().header("Origin", "http://evil.example").body(INITIALIZE).post("/mcp");
        assertThat(rebinding.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(compat().header("Origin", "http://localhost:3000").body(INITIALIZE).post("/mcp").statusCode(),
                is(200));
        Response get = compat().get("/mcp");
        assertThat(get.statusLine(), is("HTTP/1.1 405 Method Not Allowed"));
        assertThat(get.header("Allow"), is("POST"));
        assertThat(compat().get("/api/memories").statusCode(), is(404));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("compat-listener-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
