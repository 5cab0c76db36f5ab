package dev.mcpauth.server.mcp;

import static dev.mcpauth.server.support.McpCalls.TOOLS_LIST;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.server.support.ModernCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RS-58: the upstream sees the server's own credential, never the client's token. */
@HelidonTest
class FetchUpstreamTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);
    private static final String OWN_CREDENTIAL = "server-credential-" + UUID.randomUUID();
    private static final List<String> SEEN_AUTHORIZATION = new CopyOnWriteArrayList<>();
    private static final HttpServer UPSTREAM = startUpstream();

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of(
                "mcp.upstream-url", "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/api",
                "mcp.upstream-token", OWN_CREDENTIAL));
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        UPSTREAM.stop(0);
    }

    @Test
    void rs58_upstreamGetsTheServersCredentialNeverTheClientToken() {
        SEEN_AUTHORIZATION.clear();
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        Response response = post(token, initialize(token), toolCall("fetch_upstream"));
        assertThat(response.statusCode(), is(200));
        assertThat(response.jsonPath().getInt("result.structuredContent.status"), is(200));
        assertThat(response.jsonPath().getString("result.structuredContent.body"), is("{\"upstream\":true}"));
        assertThat(SEEN_AUTHORIZATION, contains("Bearer " + OWN_CREDENTIAL));
    }

    @Test
    void rs62_readOnlyTokenIsChallengedForReadAndWriteInOneChallenge() {
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), toolCall("fetch_upstream"));
        assertThat(response.statusCode(), is(403));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", error_description=\"tool "
                + "fetch_upstream needs mcp:read mcp:write\", scope=\"mcp:read mcp:write\", resource_metadata=\""
                + TestConfig.PRM_URL + "\""));
    }

    @Test
    void rs64_rs65_inStatelessModeOneChallengeNamesBothScopesAndAdminCoversThem() {
        String expected = "Bearer error=\"insufficient_scope\", error_description=\"tool fetch_upstream needs mcp:read "
                + "mcp:write\", scope=\"mcp:read mcp:write\", resource_metadata=\"" + TestConfig.PRM_URL + "\"";
        Response readOnly = ModernCalls.callTool(MINT.token().sign(), "fetch_upstream");
        assertThat(readOnly.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(readOnly.header("WWW-Authenticate"), is(expected));
        Response writeOnly = ModernCalls.callTool(MINT.token().scope("mcp:write").sign(), "fetch_upstream");
        assertThat("the challenge names everything the call needs, not only what is missing",
                   writeOnly.header("WWW-Authenticate"), is(expected));
        assertThat(ModernCalls.callTool(MINT.token().scope("mcp:read mcp:write").sign(), "fetch_upstream").statusLine(),
                   is("HTTP/1.1 200 OK"));
        assertThat(ModernCalls.callTool(MINT.token().scope("mcp:admin").sign(), "fetch_upstream").statusLine(),
                   is("HTTP/1.1 200 OK"));
    }

    @Test
    void toolsListShowsTheToolWhenAnUpstreamIsConfigured() {
        String token = MINT.token().sign();
        Response tools = post(token, initialize(token), TOOLS_LIST);
        assertThat(tools.jsonPath().getList("result.tools.find { it.name == 'fetch_upstream' }._meta.'dev.mcpauth/requiredScopes'"),
                   contains("mcp:read", "mcp:write"));
    }

    private static HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api", exchange -> {
                SEEN_AUTHORIZATION.addAll(exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
                byte[] body = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start upstream stub", e);
        }
    }
}
