package dev.mcpauth.server.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import io.helidon.microprofile.server.ServerCdiExtension;

/** REST Assured requests against the server under test, on its real (random) port. */
public final class McpCalls {

    public static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    public static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    public static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";

    private McpCalls() {
    }

    /** The port Helidon bound ({@code server.port=0} in tests). */
    public static int port() {
        return CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port();
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** A request to the server, JSON without REST Assured's default charset suffix. */
    public static RequestSpecification request() {
        return given()
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .baseUri("http://127.0.0.1")
                .port(port());
    }

    public static RequestSpecification withToken(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    public static String toolCall(String tool) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}";
    }

    /** Initializes with {@code token} and returns the new {@code Mcp-Session-Id}. */
    public static String initialize(String token) {
        Response response = withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize failed: " + response.statusCode() + " " + response.body().asString());
        }
        return response.header("Mcp-Session-Id");
    }

    /** A JSON-RPC POST in an initialized session. */
    public static Response post(String token, String session, String body) {
        return withToken(token)
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/mcp");
    }
}
