package dev.mcpauth.server.mcp.catalog;

import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.mcpauth.server.support.ModernCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The server's own resource and prompt, with the official-suite fixtures off (the default):
 * listed with the scopes they need in {@code _meta}, refused with one 403 challenge naming every
 * scope the read needs, served once the token has them, in both protocol eras (SEP-2350; RS-62,
 * RS-63, RS-64, RS-65).
 */
@WithTestIssuer
@HelidonTest
class ServerCatalogTest {

    private static TokenMinter MINT;
    private static final String PRM = TestConfig.PRM_URL;
    private static final String READ = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/read\",\"params\":{\"uri\":\""
            + ServerCatalog.AUTH_DECISIONS + "\"}}";
    private static final String GET = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"prompts/get\",\"params\":{\"name\":\""
            + ServerCatalog.MEMORY_CLEANUP + "\"}}";

    private static Response call(String token, String body) {
        return post(token, initialize(token), body);
    }

    private static String challenge(String method, String scope) {
        return "Bearer error=\"insufficient_scope\", error_description=\"method " + method + " needs " + scope
                + "\", scope=\"" + scope + "\", resource_metadata=\"" + PRM + "\"";
    }

    @Test
    void theListsDeclareWhatEachItemNeeds() {
        String reader = MINT.token().sign();
        String session = initialize(reader);
        Response resources = post(reader, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}");
        assertThat(resources.jsonPath().getList("result.resources.uri"), contains(ServerCatalog.AUTH_DECISIONS));
        assertThat(resources.jsonPath().getList("result.resources[0]._meta.'dev.mcpauth/requiredScopes'"), contains("mcp:admin"));
        Response prompts = post(reader, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/list\"}");
        assertThat(prompts.jsonPath().getList("result.prompts.name"), contains(ServerCatalog.MEMORY_CLEANUP));
        assertThat(prompts.jsonPath().getList("result.prompts[0]._meta.'dev.mcpauth/requiredScopes'"),
                   contains("mcp:read", "mcp:write"));
    }

    @Test
    void rs62_rs64_theResourceNeedsAdminAndItsChallengeSaysSo() {
        Response refused = call(MINT.token().scope("mcp:read mcp:write").sign(), READ);
        assertThat(refused.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(refused.header("WWW-Authenticate"), is(challenge("resources/read", "mcp:admin")));
        Response served = call(MINT.token().scope("mcp:admin").sign(), READ);
        assertThat(served.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(served.jsonPath().getString("result.contents[0].uri"), is(ServerCatalog.AUTH_DECISIONS));
        assertThat(served.jsonPath().getString("result.contents[0].text"), containsString("auth_decisions_by_reason"));
    }

    @Test
    void rs62_rs64_thePromptNeedsWriteAndOneChallengeNamesEveryScope() {
        Response refused = call(MINT.token().sign(), GET);
        assertThat(refused.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(refused.header("WWW-Authenticate"), is(challenge("prompts/get", "mcp:read mcp:write")));
        Response served = call(MINT.token().scope("mcp:read mcp:write").sign(), GET);
        assertThat(served.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(served.jsonPath().getString("result.messages[0].content.text"), containsString("memory_delete"));
    }

    @Test
    void rs66_otherResourcesAndPromptsStillNeedOnlyTheBaseline() {
        String reader = MINT.token().sign();
        Response unknown = call(reader, READ.replace(ServerCatalog.AUTH_DECISIONS, "mcp-auth://nothing-here"));
        assertThat(unknown.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(unknown.jsonPath().getInt("error.code"), is(-32002));
        Response fixturesOff = call(reader, GET.replace(ServerCatalog.MEMORY_CLEANUP, "test_simple_prompt"));
        assertThat(fixturesOff.jsonPath().getInt("error.code"), is(-32602));
    }

    @Test
    void rs62_rs65_stateless2026TheSameChallengeAndAdminImpliesWrite() {
        String body = ModernCalls.body("prompts/get", "\"name\":\"" + ServerCatalog.MEMORY_CLEANUP + "\"");
        Response refused = ModernCalls.post(MINT.token().sign(), "prompts/get", ServerCatalog.MEMORY_CLEANUP, body);
        assertThat(refused.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(refused.header("WWW-Authenticate"), is(challenge("prompts/get", "mcp:read mcp:write")));
        Response admin = ModernCalls.post(MINT.token().scope("mcp:admin").sign(), "prompts/get", ServerCatalog.MEMORY_CLEANUP, body);
        assertThat(admin.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat("RS-71: what only some scopes may see is never shared", admin.jsonPath().getString("result.cacheScope"),
                   is("private"));
        String read = ModernCalls.body("resources/read", "\"uri\":\"" + ServerCatalog.AUTH_DECISIONS + "\"");
        Response resource = ModernCalls.post(MINT.token().sign(), "resources/read", ServerCatalog.AUTH_DECISIONS, read);
        assertThat(resource.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(resource.header("WWW-Authenticate"), is(challenge("resources/read", "mcp:admin")));
    }
}
