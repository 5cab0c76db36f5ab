package dev.mcpauth.server.api;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST API as its own protected resource ({@code mcp.api.resource}): its own RFC 9728
 * document and audience, the same challenges as {@code /mcp}, each user's memories only.
 */
@HelidonTest
class MemoryApiTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final String API = "http://127.0.0.1:8080/api";
    private static final String API_PRM = "http://127.0.0.1:8080/.well-known/oauth-protected-resource/api";
    private static final TokenMinter API_MINT = ISSUER.minter(API);
    private static final TokenMinter MCP_MINT = ISSUER.minter(TestConfig.RESOURCE);
    private static final Path DATA = temporaryDirectory();
    private static final String READ_WRITE = "mcp:read mcp:write";

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of("mcp.api.resource", API, "mcp.store.h2.directory", DATA.toString()));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void theApiHasItsOwnProtectedResourceMetadata() {
        Response prm = request().get("/.well-known/oauth-protected-resource/api");
        assertThat(prm.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(prm.jsonPath().getString("resource"), is(API));
        assertThat(prm.jsonPath().getList("authorization_servers"), contains(ISSUER.issuer()));
        assertThat(prm.jsonPath().getList("bearer_methods_supported"), contains("header"));
        assertThat(prm.header("Access-Control-Allow-Origin"), is("*"));
    }

    @Test
    void theApiIsDescribedByMicroProfileOpenApi() {
        Response openapi = request().accept("application/json").get("/openapi");
        assertThat(openapi.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(openapi.jsonPath().getMap("paths").keySet(), contains("/api/memories", "/api/memories/{id}"));
        assertThat(openapi.jsonPath().getString("components.securitySchemes.bearer.scheme"), is("bearer"));
    }

    @Test
    void noTokenGetsTheBareChallengeNamingTheApiMetadata() {
        Response response = request().get("/api/memories");
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer resource_metadata=\"" + API_PRM + "\", scope=\"mcp:read\""));
    }

    @Test
    void emptyBearerIsAnInvalidRequest() {
        Response response = request().header("Authorization", "Bearer ").get("/api/memories");
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_request\""), is(true));
        assertThat(response.header("WWW-Authenticate").endsWith("resource_metadata=\"" + API_PRM + "\""), is(true));
    }

    @Test
    void aTokenForMcpIsRefusedAtTheApi() {
        Response response = withToken(MCP_MINT.token().scope(READ_WRITE).sign()).get("/api/memories");
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"invalid_token\", error_description=\"token audience "
                + "mismatch\", resource_metadata=\"" + API_PRM + "\", scope=\"mcp:read\""));
    }

    @Test
    void aTokenForTheApiIsRefusedAtMcp() {
        Response response = withToken(API_MINT.token().scope(READ_WRITE).sign()).contentType(ContentType.JSON)
                .body(INITIALIZE).post("/mcp");
        assertThat(response.statusLine(), is("HTTP/1.1 401 Unauthorized"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"invalid_token\", error_description=\"token audience "
                + "mismatch\", resource_metadata=\"" + TestConfig.PRM_URL + "\", scope=\"mcp:read\""));
    }

    @Test
    void aReadOnlyTokenCannotWriteAndIsToldWhichScopes() {
        String token = API_MINT.token().sign();
        Response response = withToken(token).contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/api/memories");
        assertThat(response.statusLine(), is("HTTP/1.1 403 Forbidden"));
        assertThat(response.header("WWW-Authenticate"), is("Bearer error=\"insufficient_scope\", error_description=\"adding a "
                + "memory needs mcp:read mcp:write\", scope=\"mcp:read mcp:write\", resource_metadata=\"" + API_PRM + "\""));
        assertThat(withToken(token).get("/api/memories").statusLine(), is("HTTP/1.1 200 OK"));
    }

    @Test
    void addListSearchGetAndDelete() {
        String token = API_MINT.token().subject("mallory-api").scope(READ_WRITE).sign();
        Response created = withToken(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Passport renewal due in March\",\"tags\":[\"travel\"]}").post("/api/memories");
        assertThat(created.statusLine(), is("HTTP/1.1 201 Created"));
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location"), is("http://127.0.0.1:" + dev.mcpauth.server.support.McpCalls.port()
                + "/api/memories/" + id));
        withToken(token).contentType(ContentType.JSON).body("{\"text\":\"Water the plants\"}").post("/api/memories");

        Response listed = withToken(token).get("/api/memories?limit=10");
        assertThat(listed.jsonPath().getInt("total"), is(2));
        assertThat(listed.jsonPath().getList("memories.text"), contains("Water the plants", "Passport renewal due in March"));

        Response found = withToken(token).get("/api/memories?q=passport%20travel");
        assertThat(found.statusLine(), is("HTTP/1.1 200 OK"));
        assertThat(found.jsonPath().getList("hits.id"), contains(id));

        assertThat(withToken(token).get("/api/memories/" + id).jsonPath().getString("text"), is("Passport renewal due in March"));
        assertThat(withToken(token).delete("/api/memories/" + id).statusLine(), is("HTTP/1.1 204 No Content"));
        Response gone = withToken(token).get("/api/memories/" + id);
        assertThat(gone.statusLine(), is("HTTP/1.1 404 Not Found"));
        assertThat(gone.jsonPath().getString("error_description"), is("no memory with id " + id));
    }

    @Test
    void anotherUserGets404ForTheSameIdAndSeesNothing() {
        String alice = API_MINT.token().subject("alice-api").scope(READ_WRITE).sign();
        String bob = API_MINT.token().subject("bob-api").scope(READ_WRITE).sign();
        String id = withToken(alice).contentType(ContentType.JSON).body("{\"text\":\"alice only\"}").post("/api/memories")
                .jsonPath().getString("id");
        assertThat(withToken(bob).get("/api/memories/" + id).statusLine(), is("HTTP/1.1 404 Not Found"));
        assertThat(withToken(bob).delete("/api/memories/" + id).statusLine(), is("HTTP/1.1 404 Not Found"));
        assertThat(withToken(bob).get("/api/memories").jsonPath().getInt("total"), is(0));
        assertThat(withToken(bob).get("/api/memories?q=alice").jsonPath().getList("hits"), is(List.of()));
        assertThat(withToken(alice).get("/api/memories/" + id).jsonPath().getString("text"), is("alice only"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST | /api/memories               | not json            | the body is not JSON",
            "POST | /api/memories               | [\"text\"]          | the body must be a JSON object",
            "POST | /api/memories               | {\"text\":42}        | text must be a string, got a number",
            "POST | /api/memories               | {\"text\":\"a\\u0000\"} | text contains control character U+0000 at index 1",
            "POST | /api/memories               | {\"text\":\"x\",\"owner\":\"bob\"} | unknown argument \"owner\"; allowed: [tags, text]",
            "GET  | /api/memories/not-a-uuid    |                     | id must be a memory id as returned by memory_add (a UUID)",
            "GET  | /api/memories?limit=abc     |                     | limit must be an integer",
            "GET  | /api/memories?limit=0       |                     | limit must be between 1 and 100, got 0",
            "GET  | /api/memories?q=            |                     | query must not be empty or blank",
    })
    void badInputIs400WithTheReason(String method, String path, String body, String reason) {
        String token = API_MINT.token().subject("oscar-api").scope(READ_WRITE).sign();
        Response response = withToken(token).contentType(ContentType.JSON).body(body == null ? "" : body).request(method, path);
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getString("error"), is("invalid_request"));
        assertThat(response.jsonPath().getString("error_description"), is(reason));
    }

    @Test
    void aBodyThatIsNotUtf8Is400AndStoresNothing() {
        String token = API_MINT.token().subject("peggy-api").scope(READ_WRITE).sign();
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Response response = withToken(token).contentType(ContentType.JSON).body(body).post("/api/memories");
        assertThat(response.statusLine(), is("HTTP/1.1 400 Bad Request"));
        assertThat(response.jsonPath().getString("error_description"), is("the body is not UTF-8"));
        assertThat(withToken(token).get("/api/memories").jsonPath().getInt("total"), is(0));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("memory-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
