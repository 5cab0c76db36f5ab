package dev.mcpauth.server.mcp;

import static dev.mcpauth.server.support.McpCalls.TOOLS_LIST;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpauth.server.mcp.tools.FetchUpstreamTool;
import dev.mcpauth.server.support.ModernCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RS-58: the upstream sees the server's own credential, never the client's token. The upstream
 * call is bounded in time and size, body included: a slow or endless upstream is a tool error.
 */
@WithTestIssuer
@HelidonTest
class FetchUpstreamTest {

    private static TokenMinter MINT;
    private static final String OWN_CREDENTIAL = "server-credential-" + UUID.randomUUID();
    private static final List<String> SEEN_AUTHORIZATION = new CopyOnWriteArrayList<>();
    /** What the stub upstream does next: {@code ok}, {@code trickle} or {@code huge}. */
    private static final AtomicReference<String> MODE = new AtomicReference<>("ok");
    private static final HttpServer UPSTREAM = startUpstream();

    /** Only the upstream settings: {@link WithTestIssuer} gives the rest. */
    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.source(Map.of(
                "mcp.upstream-url", "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/api",
                "mcp.upstream-token", OWN_CREDENTIAL));
    }

    @AfterAll
    static void stop() {
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
    void anUpstreamTricklingItsBodyIsAToolErrorWithinTheDeadline() {
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        MODE.set("trickle");
        long started = System.nanoTime();
        Response response;
        try {
            response = post(token, initialize(token), toolCall("fetch_upstream"));
        } finally {
            MODE.set("ok");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took.toSeconds(), lessThan(FetchUpstreamTool.TIMEOUT.toSeconds() + 3));
        assertThat(response.statusCode(), is(200));
        assertThat(response.jsonPath().getBoolean("result.isError"), is(true));
        assertThat(response.jsonPath().getString("result.structuredContent.error"),
                   is("upstream did not answer within " + FetchUpstreamTool.TIMEOUT.toSeconds() + " s"));
        assertThat(response.asString(), not(containsString(token)));
    }

    @Test
    void anUpstreamAnsweringTooMuchIsAToolErrorNotABufferedBody() {
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        MODE.set("huge");
        Response response;
        try {
            response = post(token, initialize(token), toolCall("fetch_upstream"));
        } finally {
            MODE.set("ok");
        }
        assertThat(response.statusCode(), is(200));
        assertThat(response.jsonPath().getBoolean("result.isError"), is(true));
        assertThat(response.jsonPath().getString("result.structuredContent.error"),
                   is("upstream answer larger than " + FetchUpstreamTool.MAX_BODY_BYTES + " bytes"));
        assertThat(response.asString(), not(containsString(token)));
    }

    @Test
    void aBodyUnderTheCapButOverTheDisplayLimitIsTruncatedNotRefused() {
        String token = MINT.token().scope("mcp:read mcp:write").sign();
        MODE.set("long");
        Response response;
        try {
            response = post(token, initialize(token), toolCall("fetch_upstream"));
        } finally {
            MODE.set("ok");
        }
        assertThat(response.jsonPath().getBoolean("result.isError"), is(false));
        assertThat(response.jsonPath().getBoolean("result.structuredContent.truncated"), is(true));
        assertThat(response.jsonPath().getString("result.structuredContent.body").length(), is(FetchUpstreamTool.MAX_BODY_CHARS));
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
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                switch (MODE.get()) {
                    case "trickle" -> trickle(exchange);
                    case "huge" -> endless(exchange);
                    case "long" -> {
                        byte[] body = " ".repeat(FetchUpstreamTool.MAX_BODY_CHARS * 2).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                    default -> {
                        byte[] body = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start upstream stub", e);
        }
    }

    /** Headers at once, then one byte a second for far longer than the tool's deadline. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 30; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the server hung up after its deadline: that is what the test expects
            exchange.close();
        }
    }

    /** A chunked body that goes on (64 MiB) until the reader hangs up. */
    private static void endless(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 1024; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the server hung up once it had read its cap: that is what the test expects
            exchange.close();
        }
    }
}
