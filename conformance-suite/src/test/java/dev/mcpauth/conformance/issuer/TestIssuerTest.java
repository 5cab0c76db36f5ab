package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIssuerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private TestIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void servesRfc8414AndOidcMetadataWithTheIssuerUrl() throws Exception {
        JsonObject m = json(get("/.well-known/oauth-authorization-server"));
        assertThat(m.getString("issuer")).isEqualTo(issuer.issuerUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(m.getString("jwks_uri")).isEqualTo(issuer.jwksUrl().toString());
        assertThat(m.getString("token_endpoint")).isEqualTo(issuer.tokenUrl().toString());
        JsonObject oidc = json(get("/.well-known/openid-configuration"));
        assertThat(oidc.getString("issuer")).isEqualTo(issuer.issuerUrl().toString());
        assertThat(oidc.getJsonArray("code_challenge_methods_supported").getString(0)).isEqualTo("S256");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void clientCredentialsTokenCarriesResourceAsAudienceAndVerifiesWithTheJwks() throws Exception {
        String basic = Base64.getEncoder().encodeToString("conformance-suite:any-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post("/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=mcp%3Aread&resource=http%3A%2F%2F127.0.0.1%3A1%2Fmcp",
                "Basic " + basic);
        assertThat(r.statusCode()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(json(r).getString("access_token"));
        RSAKey key = (RSAKey) JWKSet.parse(get("/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("http://127.0.0.1:1/mcp");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuerUrl().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("mcp:read");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("conformance-suite");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(jwt.getJWTClaimsSet().getIssueTime());
    }

    @Test
    void tokenEndpointRequiresClientAuthAndResource() throws Exception {
        assertThat(post("/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&resource=http%3A%2F%2Fx%2Fmcp", null).statusCode()).isEqualTo(401);
        HttpResponse<String> noResource = post("/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=a&client_secret=b", null);
        assertThat(noResource.statusCode()).isEqualTo(400);
        assertThat(json(noResource).getString("error")).isEqualTo("invalid_target");
    }

    @Test
    void mintSignsArbitraryHeaderAndPayloadWithTheCurrentKey() throws Exception {
        String kid = issuer.currentPublicKey().getKeyID();
        String body = Json.createObjectBuilder()
                .add("header", Json.createObjectBuilder().add("alg", "RS384").add("kid", kid).add("typ", "JWT"))
                .add("payload", "[1,2,3]").build().toString();
        HttpResponse<String> r = post("/mint", "application/json", body, null);
        assertThat(r.statusCode()).isEqualTo(200);
        com.nimbusds.jose.JWSObject jws = com.nimbusds.jose.JWSObject.parse(json(r).getString("token"));
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS384);
        assertThat(jws.getPayload().toString()).isEqualTo("[1,2,3]");
        assertThat(jws.verify(new RSASSAVerifier(issuer.currentPublicKey()))).isTrue();
        assertThat(post("/mint", "application/json",
                "{\"header\":{\"alg\":\"HS256\"},\"payload\":\"{}\"}", null).statusCode()).isEqualTo(400);
    }

    @Test
    void rotationKeepsOldKeysPublishedAndOutageAnswers503() throws Exception {
        String first = issuer.currentPublicKey().getKeyID();
        HttpResponse<String> r = post("/admin/rotate", "application/json", "", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String second = json(r).getString("kid");
        assertThat(second).isNotEqualTo(first).isEqualTo(issuer.currentPublicKey().getKeyID());
        JWKSet set = JWKSet.parse(get("/jwks").body());
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactly(second, first);
        assertThat(set.getKeys()).allMatch(k -> !k.isPrivate());
        post("/admin/jwks-outage", "application/json", "{\"outage\":true}", null);
        assertThat(get("/jwks").statusCode()).isEqualTo(503);
        post("/admin/jwks-outage", "application/json", "{\"outage\":false}", null);
        assertThat(get("/jwks").statusCode()).isEqualTo(200);
    }

    @Test
    void jwksFaultAnswersSlowlyWithGarbageOr503UntilCleared() throws Exception {
        String good = get("/jwks").body();
        post("/admin/jwks-fault", "application/json", "{\"fault\":\"slow\",\"delay_ms\":300}", null);
        long started = System.nanoTime();
        assertThat(get("/jwks").body()).isEqualTo(good);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(300_000_000L);
        post("/admin/jwks-fault", "application/json", "{\"fault\":\"garbage\"}", null);
        HttpResponse<String> garbage = get("/jwks");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).isNotEqualTo(good).isNotEqualTo(get("/jwks").body());
        post("/admin/jwks-fault", "application/json", "{\"fault\":\"outage\"}", null);
        assertThat(get("/jwks").statusCode()).isEqualTo(503);
        assertThat(post("/admin/jwks-fault", "application/json", "{\"fault\":\"later\"}", null).statusCode()).isEqualTo(400);
        post("/admin/jwks-fault", "application/json", "{\"fault\":\"none\"}", null);
        assertThat(get("/jwks").body()).isEqualTo(good);
    }

    @Test
    void keysFileSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/issuer.jwks");
        String kid;
        try (TestIssuer a = TestIssuer.start("127.0.0.1", 0, Optional.of(file))) {
            kid = a.currentPublicKey().getKeyID();
        }
        assertThat(Files.readString(file)).contains(kid).contains("\"d\"");
        try (TestIssuer b = TestIssuer.start("127.0.0.1", 0, Optional.of(file))) {
            assertThat(b.currentPublicKey().getKeyID()).isEqualTo(kid);
        }
    }

    @Test
    void refusesNonLoopbackHosts() {
        assertThatThrownBy(() -> TestIssuer.start("192.0.2.1", 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(issuer.issuerUrl() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
