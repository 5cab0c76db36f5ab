package dev.mcpauth.server.tls;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import dev.mcpauth.server.support.McpCalls;
import dev.mcpauth.server.support.ModernCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TestKeystore;
import dev.mcpauth.server.support.TokenMinter;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RS-13, RS-77: the server runs with TLS from Helidon's {@code server.tls.*} keys (a keystore
 * generated for this test), its resource and metadata URLs are https, and an https request
 * with a token works; a client that does not trust the certificate gets no answer at all.
 */
@HelidonTest
class HttpsTest {

    static final String RESOURCE = "https://127.0.0.1:8443/mcp";
    static final String PRM = "https://127.0.0.1:8443/.well-known/oauth-protected-resource/mcp";

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(RESOURCE);
    private static final TestKeystore KEYSTORE = TestKeystore.generate();

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> values = new HashMap<>(KEYSTORE.serverTlsConfig());
        values.put("mcp.resource", RESOURCE);
        return TestConfig.trusting(ISSUER, values);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void rs77_httpsRequestWithTokenIsServed() throws Exception {
        HttpResponse<String> response = send(trustingClient(), MINT.token().sign(), McpCalls.INITIALIZE, Optional.empty());
        assertThat(response.statusCode(), is(200));
        assertThat(response.version(), is(HttpClient.Version.HTTP_1_1));
        assertThat(response.headers().firstValue("Mcp-Session-Id").isPresent(), is(true));
        assertThat(response.body(), containsString("\"protocolVersion\":\"2025-06-18\""));
    }

    @Test
    void rs77_statelessRequestOverHttpsIsServed() throws Exception {
        HttpResponse<String> response = send(trustingClient(), MINT.token().sign(), ModernCalls.toolCall("whoami"),
                                             Optional.of("whoami"));
        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), containsString("\"sub\":\"alice\""));
    }

    @Test
    void rs13_challengeAndMetadataNameHttpsUrls() throws Exception {
        HttpClient client = trustingClient();
        HttpResponse<String> challenge = client.send(HttpRequest.newBuilder(endpoint("/mcp"))
                .POST(HttpRequest.BodyPublishers.ofString(McpCalls.INITIALIZE)).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode(), is(401));
        assertThat(challenge.headers().firstValue("WWW-Authenticate").orElse(""),
                   is("Bearer resource_metadata=\"" + PRM + "\", scope=\"mcp:read\""));
        HttpResponse<String> prm = client.send(HttpRequest.newBuilder(endpoint("/.well-known/oauth-protected-resource/mcp"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(prm.statusCode(), is(200));
        assertThat(prm.body(), containsString("\"resource\":\"" + RESOURCE + "\""));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateGetsNoAnswer() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class,
                     () -> send(untrusting, MINT.token().sign(), McpCalls.INITIALIZE, Optional.empty()));
    }

    private static HttpResponse<String> send(HttpClient client, String token, String body, Optional<String> toolName)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint("/mcp"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        toolName.ifPresent(tool -> request.header("MCP-Protocol-Version", ModernCalls.VERSION)
                .header("Mcp-Method", "tools/call").header("Mcp-Name", tool));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient trustingClient() {
        return HttpClient.newBuilder().sslContext(KEYSTORE.clientContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI endpoint(String path) {
        return URI.create("https://127.0.0.1:" + McpCalls.port() + path);
    }
}
