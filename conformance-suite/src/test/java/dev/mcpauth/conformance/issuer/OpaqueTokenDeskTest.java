package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The test issuer's opaque tokens and RFC 7662 endpoint, as the opaque-token profile (RS-60) relies on them. */
class OpaqueTokenDeskTest {
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("some-rs:some-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private TestIssuer issuer;
    private IssuerClient client;

    @BeforeEach
    void start() throws Exception {
        issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
        client = IssuerClient.connect(issuer.issuerUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private HttpResponse<String> introspect(String token, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + "/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> answer(String token) throws Exception {
        HttpResponse<String> r = introspect(token, BASIC);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSONObjectUtils.parse(r.body());
    }

    @Test
    void mintedTokenIntrospectsActiveWithExactlyItsClaims() throws Exception {
        String token = client.mintOpaque(Map.of("iss", "x", "aud", List.of("https://r/mcp"), "exp", 123L));
        assertThat(token).startsWith("opq_").doesNotContain(".");
        assertThat(answer(token)).containsEntry("active", true).containsEntry("iss", "x").containsEntry("exp", 123L)
                .containsEntry("aud", List.of("https://r/mcp")).hasSize(4);
    }

    @Test
    void introspectionRequiresClientAuthentication() throws Exception {
        String token = client.mintOpaque(Map.of("iss", "x"));
        HttpResponse<String> r = introspect(token, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"test-issuer\"");
        assertThat(r.body()).contains("invalid_client").doesNotContain(token);
    }

    @Test
    void unknownTokenIsInactiveAndRevokedTokenIsInactiveWithItsClaims() throws Exception {
        assertThat(answer("opq_never-issued")).isEqualTo(Map.of("active", false));
        String token = client.mintOpaque(Map.of("iss", "x"));
        client.revoke(token);
        assertThat(answer(token)).isEqualTo(Map.of("active", false, "iss", "x"));
    }

    @Test
    void outageAnswers503UntilSwitchedOff() throws Exception {
        String token = client.mintOpaque(Map.of("iss", "x"));
        int before = issuer.introspectionCalls();
        client.introspectionOutage(true);
        assertThat(introspect(token, BASIC).statusCode()).isEqualTo(503);
        client.introspectionOutage(false);
        assertThat(answer(token)).containsEntry("active", true);
        assertThat(issuer.introspectionCalls()).isEqualTo(before + 2);
    }

    @Test
    void metadataNamesTheIntrospectionEndpoint() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create(issuer.issuerUrl() + "/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSONObjectUtils.parse(r.body())).containsEntry("introspection_endpoint",
                issuer.issuerUrl() + "/introspect");
    }

    @Test
    void mintOpaqueRefusesABodyWithoutClaims() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + "/mint-opaque"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"claims\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid_request");
    }
}
