package dev.mcpauth.server.mcp.tools;

import static dev.mcpauth.server.support.McpCalls.TOOLS_LIST;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory tools over HTTP, behind the bearer edge, on the default H2 store: scopes, one user
 * never reaching another's memories whatever ids they send, and bad input answered as a tool error
 * with the reason while everything stored stays.
 */
@HelidonTest
class MemoryToolsTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);
    private static final Path DATA = temporaryDirectory();
    private static final String READ_WRITE = "mcp:read mcp:write";

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of("mcp.store.h2.directory", DATA.toString()));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void toolsListDeclaresReadAndWriteScopesAndHints() {
        String token = MINT.token().sign();
        Response tools = post(token, initialize(token), TOOLS_LIST);
        assertThat(tools.jsonPath().getList(meta("memory_add")), contains("mcp:read", "mcp:write"));
        assertThat(tools.jsonPath().getList(meta("memory_delete")), contains("mcp:read", "mcp:write"));
        assertThat(tools.jsonPath().getList(meta("memory_search")), contains("mcp:read"));
        assertThat(tools.jsonPath().getList(meta("memory_list")), contains("mcp:read"));
        assertThat(tools.jsonPath().getList(meta("memory_get")), contains("mcp:read"));
        assertThat(tools.jsonPath().getMap("result.tools.find { it.name == 'memory_search' }.annotations"),
                   is(Map.of("readOnlyHint", true, "destructiveHint", false, "idempotentHint", true, "openWorldHint", false)));
        assertThat(tools.jsonPath().getMap("result.tools.find { it.name == 'memory_delete' }.annotations"),
                   is(Map.of("readOnlyHint", false, "destructiveHint", true, "idempotentHint", true, "openWorldHint", false)));
        assertThat(tools.jsonPath().getList("result.tools.find { it.name == 'memory_add' }.inputSchema.required"),
                   contains("text"));
    }

    @Test
    void readOnlyTokenCannotAddAndIsToldToStepUpToWrite() {
        String token = MINT.token().sign();
        Response response = post(token, initialize(token), call("memory_add", "{\"text\":\"x\"}"));
        assertThat(response.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "error_description=\"tool memory_add needs mcp:read mcp:write\", scope=\"mcp:read mcp:write\", "
                + "resource_metadata=\"" + TestConfig.PRM_URL + "\""));
    }

    @Test
    void addSearchListGetDeleteForOneUser() {
        String token = MINT.token().subject("carol").scope(READ_WRITE).sign();
        String session = initialize(token);
        Response added = post(token, session, call("memory_add",
                "{\"text\":\"Carol's bike lock code is in the blue notebook\",\"tags\":[\"bike\",\"home\"]}"));
        assertThat(added.jsonPath().getBoolean("result.isError"), is(false));
        String id = added.jsonPath().getString("result.structuredContent.id");
        post(token, session, call("memory_add", "{\"text\":\"Dentist appointment on Tuesday\"}"));

        Response found = post(token, session, call("memory_search", "{\"query\":\"bike notebook\",\"limit\":5}"));
        assertThat(found.jsonPath().getList("result.structuredContent.hits.id"), contains(id));
        assertThat(found.jsonPath().getList("result.structuredContent.hits.tags[0]"), contains("bike", "home"));

        Response listed = post(token, session, call("memory_list", "{}"));
        assertThat(listed.jsonPath().getInt("result.structuredContent.total"), is(2));
        assertThat(listed.jsonPath().getString("result.structuredContent.memories[1].id"), is(id));

        Response got = post(token, session, call("memory_get", "{\"id\":\"" + id.toUpperCase() + "\"}"));
        assertThat(got.jsonPath().getString("result.structuredContent.text"), is("Carol's bike lock code is in the blue notebook"));

        Response deleted = post(token, session, call("memory_delete", "{\"id\":\"" + id + "\"}"));
        assertThat(deleted.jsonPath().getBoolean("result.structuredContent.deleted"), is(true));
        Response again = post(token, session, call("memory_get", "{\"id\":\"" + id + "\"}"));
        assertThat(again.jsonPath().getBoolean("result.isError"), is(true));
        assertThat(again.jsonPath().getString("result.structuredContent.error"), is("no memory with id " + id));
    }

    @Test
    void twoUsersNeverReachEachOthersMemoriesWhateverIdsTheySend() {
        String alice = MINT.token().subject("alice-2").scope(READ_WRITE).sign();
        String bob = MINT.token().subject("bob-2").scope(READ_WRITE).sign();
        String aliceSession = initialize(alice);
        String bobSession = initialize(bob);
        String id = post(alice, aliceSession, call("memory_add", "{\"text\":\"alice's private note\"}"))
                .jsonPath().getString("result.structuredContent.id");

        for (String tool : List.of("memory_get", "memory_delete")) {
            Response response = post(bob, bobSession, call(tool, "{\"id\":\"" + id + "\"}"));
            assertThat(tool, response.jsonPath().getBoolean("result.isError"), is(true));
            assertThat(tool, response.jsonPath().getString("result.structuredContent.error"), is("no memory with id " + id));
        }
        assertThat(post(bob, bobSession, call("memory_list", "{}")).jsonPath().getInt("result.structuredContent.total"), is(0));
        assertThat(post(bob, bobSession, call("memory_search", "{\"query\":\"alice private note\"}"))
                           .jsonPath().getList("result.structuredContent.hits"), is(empty()));
        assertThat(post(alice, aliceSession, call("memory_get", "{\"id\":\"" + id + "\"}"))
                           .jsonPath().getString("result.structuredContent.text"), is("alice's private note"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "memory_add|{}",
            "memory_add|{\"text\":42}",
            "memory_add|{\"text\":\"   \"}",
            "memory_add|{\"text\":\"ok\",\"tags\":\"not-an-array\"}",
            "memory_add|{\"text\":\"ok\",\"tags\":[1,2]}",
            "memory_add|{\"text\":\"lone \\ud800 surrogate\"}",
            "memory_add|{\"text\":\"nul \\u0000 byte\"}",
            "memory_add|{\"text\":\"ok\",\"owner\":\"bob\"}",
            "memory_search|{\"query\":\"x\",\"limit\":\"5\"}",
            "memory_search|{\"query\":\"x\",\"limit\":0}",
            "memory_search|{\"query\":\"x\",\"limit\":1.5}",
            "memory_search|{\"query\":\"x\",\"limit\":99999999999999999999999}",
            "memory_list|{\"offset\":-1}",
            "memory_get|{\"id\":\"../../etc/passwd\"}",
            "memory_get|{\"id\":\"' OR '1'='1\"}",
            "memory_delete|{\"id\":{\"$ne\":null}}",
    })
    void badArgumentsAreToolErrorsWithTheReasonAndLoseNothing(String callSpec) {
        String[] parts = callSpec.split("\\|", 2);
        String token = MINT.token().subject("dave").scope(READ_WRITE).sign();
        String session = initialize(token);
        post(token, session, call("memory_add", "{\"text\":\"dave keeps this\"}"));
        long before = total(token, session);

        Response response = post(token, session, call(parts[0], parts[1]));
        assertThat(response.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(response.jsonPath().getBoolean("result.isError"), is(true));
        assertThat(response.jsonPath().getString("result.structuredContent.error"), startsWith("invalid arguments: "));
        assertThat(total(token, session), is(before));
    }

    @Test
    void oversizedTextIsRefusedWithItsLength() {
        String token = MINT.token().subject("erin").scope(READ_WRITE).sign();
        String session = initialize(token);
        Response response = post(token, session, call("memory_add", "{\"text\":\"" + "a".repeat(10_001) + "\"}"));
        assertThat(response.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(response.jsonPath().getString("result.structuredContent.error"),
                   is("invalid arguments: text is 10001 characters long; at most 10000 are allowed"));
        assertThat(total(token, session), is(0L));
    }

    @Test
    void invalidUtf8InTheBodyIsAClientErrorAndStoresNothing() {
        String token = MINT.token().subject("frank").scope(READ_WRITE).sign();
        String session = initialize(token);
        byte[] prefix = call("memory_add", "{\"text\":\"broken ").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length - 3 + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length - 3);
        body[prefix.length - 3] = (byte) 0xC3;
        body[prefix.length - 2] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length - 1, suffix.length);
        Response response = withToken(token).header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18")
                .contentType(ContentType.JSON).body(body).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getInt("error.code"), is(-32700));
        assertThat(total(token, session), is(0L));
    }

    @Test
    void withoutApiResourceTheRestApiAndItsMetadataAre404() {
        String token = MINT.token().scope(READ_WRITE).sign();
        assertThat(withToken(token).get("/api/memories").statusLine(), is("HTTP/1.1 404 Not Found"));
        assertThat(withToken(token).get("/.well-known/oauth-protected-resource/api").statusLine(), is("HTTP/1.1 404 Not Found"));
    }

    private static long total(String token, String session) {
        return post(token, session, call("memory_list", "{}")).jsonPath().getLong("result.structuredContent.total");
    }

    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static String meta(String tool) {
        return "result.tools.find { it.name == '" + tool + "' }._meta.'dev.mcpauth/requiredScopes'";
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("memory-tools-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
