package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.mcpauth.server.support.McpCalls;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 401 and 400 answers of {@code /mcp}: exact status and the whole {@code WWW-Authenticate}
 * header for every way a credential can be missing, ambiguous or invalid (RS-17, RS-23, RS-26, RS-27, RS-28, RS-29, RS-30, RS-32, RS-33, RS-37, RS-38,
 * RS-39, RS-40, RS-41, RS-42, RS-43, RS-44, RS-45, RS-46, RS-47, RS-48, RS-49, RS-50, RS-51, RS-52, RS-53, RS-54, RS-56, RS-57).
 */
@WithTestIssuer
@HelidonTest
class BearerEdgeTest {

    static final String PRM = TestConfig.PRM_URL;
    static final String NO_CREDENTIALS = "Bearer resource_metadata=\"" + PRM + "\", scope=\"mcp:read\"";

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;
    private static final RSAKey STRANGER = strangerKey();

    static String invalidToken(String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + description + "\", resource_metadata=\""
                + PRM + "\", scope=\"mcp:read\"";
    }

    static String invalidRequest(String description) {
        return "Bearer error=\"invalid_request\", error_description=\"" + description + "\", resource_metadata=\""
                + PRM + "\"";
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void rs17_requestWithoutCredentialsGets401WithBareChallengeOnEveryMethod(String method) {
        Response response = request().contentType(ContentType.JSON).body(INITIALIZE).request(method, "/mcp");
        assertChallenge(response, 401, NO_CREDENTIALS);
        assertThat(response.body().asString(), not(containsString("invalid_token")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "DPoP some.dpop.token", "Digest username=\"u\""})
    void rs28_otherSchemeCountsAsNoCredentials(String authorization) {
        assertChallenge(request().header("Authorization", authorization).body(INITIALIZE).post("/mcp"), 401, NO_CREDENTIALS);
    }

    @Test
    void rs28_bareTokenWithoutSchemeCountsAsNoCredentials() {
        assertChallenge(request().header("Authorization", MINT.token().sign()).body(INITIALIZE).post("/mcp"),
                        401, NO_CREDENTIALS);
    }

    @Test
    void rs26_validTokenOnlyInQueryStringIsIgnored() {
        Response response = request().queryParam("access_token", MINT.token().sign())
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertChallenge(response, 401, NO_CREDENTIALS);
    }

    @Test
    void rs27_validTokenOnlyInFormBodyIsIgnored() {
        Response response = request().contentType(ContentType.URLENC)
                .formParam("access_token", MINT.token().sign()).post("/mcp");
        assertChallenge(response, 401, NO_CREDENTIALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz=1", "%", "access_token%=x", "a=1&%E0%A4%A=2"})
    void rs27_formBodyWithBrokenPercentEscapeIsNoCredentialsNot5xx(String form) {
        Response response = request().contentType(ContentType.URLENC).body(form).post("/mcp");
        assertChallenge(response, 401, NO_CREDENTIALS);
    }

    @Test
    void rs30_headerTokenPlusQueryTokenIsInvalidRequest() {
        String token = MINT.token().sign();
        Response response = withToken(token).queryParam("access_token", token)
                .contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertChallenge(response, 400, invalidRequest("more than one credential supplied"));
    }

    @Test
    void rs30_headerTokenPlusFormTokenIsInvalidRequest() {
        String token = MINT.token().sign();
        Response response = withToken(token).contentType(ContentType.URLENC).formParam("access_token", token).post("/mcp");
        assertChallenge(response, 400, invalidRequest("more than one credential supplied"));
    }

    @Test
    void rs30_twoAuthorizationHeaderLinesAreInvalidRequestEvenIfOneIsValid() throws Exception {
        HttpRequest twoHeaders = HttpRequest.newBuilder(URI.create(McpCalls.baseUrl() + "/mcp"))
                .header("Authorization", "Bearer " + MINT.token().sign())
                .header("Authorization", "Bearer " + MINT.token().subject("mallory").sign())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(twoHeaders, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), is(400));
        assertThat(response.headers().allValues("WWW-Authenticate"),
                   contains(invalidRequest("more than one Authorization header")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer    "})
    void rs29_emptyBearerTokenIsInvalidRequest(String authorization) {
        Response response = request().header("Authorization", authorization).body(INITIALIZE).post("/mcp");
        assertChallenge(response, 400, invalidRequest("empty bearer token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc def", "Bearer ***", "Bearer nope", "Bearer x"})
    void rs29_rs33_malformedOrOpaqueTokenIsInvalidToken(String authorization) {
        Response response = request().header("Authorization", authorization).body(INITIALIZE).post("/mcp");
        assertChallenge(response, 401, invalidToken("token malformed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void rs32_to_rs57_invalidTokenGets401WithInvalidTokenChallenge(String name, String token, String description) {
        Response response = withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        assertChallenge(response, 401, invalidToken(description));
        assertThat("RS-23: body must not echo the token", response.body().asString(), not(containsString(token)));
        assertThat(response.body().asString(),
                   is("{\"error\":\"invalid_token\",\"error_description\":\"" + description + "\"}"));
    }

    static Stream<Arguments> invalidTokens() {
        Instant now = Instant.now();
        return Stream.of(
                invalid("RS-32 expired", t -> t.expiresAt(now.minusSeconds(600)).sign(), "token expired"),
                invalid("RS-37 expired beyond leeway", t -> t.expiresAt(now.minusSeconds(90)).sign(), "token expired"),
                invalid("RS-38 nbf in the future", t -> t.notBefore(now.plusSeconds(600)).sign(), "token not yet valid"),
                invalid("RS-39 no exp", t -> t.without("exp").sign(), "token has no expiry"),
                invalid("RS-40 non-numeric exp", t -> t.signPayload(
                        "{\"iss\":\"" + ISSUER.issuer() + "\",\"sub\":\"a\",\"aud\":\"" + TestConfig.RESOURCE
                                + "\",\"exp\":\"tomorrow\"}"), "token malformed"),
                invalid("RS-40 numeric aud", t -> t.signPayload(
                        "{\"iss\":\"" + ISSUER.issuer() + "\",\"sub\":\"a\",\"aud\":42,\"exp\":"
                                + now.plusSeconds(300).getEpochSecond() + "}"), "token malformed"),
                invalid("RS-41 flipped signature byte", t -> flipLastSignatureChar(t.sign()), "token signature invalid"),
                invalid("RS-41 right kid, wrong key", t -> t.key(STRANGER).keyId("k1").sign(), "token signature invalid"),
                invalid("RS-42 alg none", t -> t.unsigned("none"), "token algorithm not allowed"),
                invalid("RS-42 alg None", t -> t.unsigned("None"), "token algorithm not allowed"),
                invalid("RS-42 alg NONE", t -> t.unsigned("NONE"), "token algorithm not allowed"),
                invalid("RS-43 HS256 with the public key", TokenMinter.Token::signHmacWithPublicKey,
                        "token algorithm not allowed"),
                invalid("RS-44 PS256 with an RS256 key", t -> t.algorithm(JWSAlgorithm.PS256).sign(), "unknown signing key"),
                invalid("RS-44 RS384 with an RS256 key", t -> t.algorithm(JWSAlgorithm.RS384).sign(), "unknown signing key"),
                invalid("RS-45 attacker key in jwk header", t -> t.key(STRANGER).keyId("attacker").embedJwk(STRANGER).sign(),
                        "unknown signing key"),
                invalid("RS-45 jku to attacker", t -> t.key(STRANGER).keyId("k1")
                        .jku(URI.create("http://127.0.0.1:9/jwks")).sign(), "token signature invalid"),
                invalid("RS-46 unknown kid", t -> t.keyId("zzz").sign(), "unknown signing key"),
                invalid("RS-46 path-like kid", t -> t.keyId("../../etc/passwd").sign(), "unknown signing key"),
                invalid("RS-46 sql-like kid", t -> t.keyId("' OR 1=1--").sign(), "unknown signing key"),
                invalid("RS-47 foreign issuer", t -> t.claim("iss", "https://evil.test").sign(), "token issuer mismatch"),
                invalid("RS-47 trailing-slash issuer", t -> t.claim("iss", ISSUER.issuer() + "/").sign(),
                        "token issuer mismatch"),
                invalid("RS-48 other JWT type", t -> t.type("dpop+jwt").sign(), "unsupported token type"),
                invalid("RS-49 unknown crit", t -> t.critical("x-unknown").sign(), "token has an unsupported critical header"),
                invalid("RS-50 two parts", t -> {
                    String signed = t.sign();
                    return signed.substring(0, signed.lastIndexOf('.'));
                }, "token malformed"),
                invalid("RS-50 four parts", t -> t.sign() + ".extra", "token malformed"),
                invalid("RS-50 non-JSON header", t -> Base64URL.encode("not json") + ".e30.c2ln", "token malformed"),
                invalid("RS-50 array payload", t -> t.signPayload("[1,2,3]"), "token malformed"),
                invalid("RS-51 JWE", t -> Base64URL.encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d",
                        "encrypted tokens are not accepted"),
                invalid("RS-53 other audience", t -> t.claim("aud", "https://other.test/mcp").sign(), "token audience mismatch"),
                invalid("RS-54 no audience", t -> t.without("aud").sign(), "token audience mismatch"),
                invalid("RS-56 upper-case audience", t -> t.claim("aud", "HTTP://127.0.0.1:8080/mcp").sign(),
                        "token audience mismatch"),
                invalid("RS-56 trailing-slash audience", t -> t.claim("aud", TestConfig.RESOURCE + "/").sign(),
                        "token audience mismatch"),
                invalid("RS-57 token for another API", t -> t.claim("aud", "https://api.github.com").sign(),
                        "token audience mismatch"),
                invalid("RS-57 ID token (aud = client_id)", t -> t.claim("aud", "test-client").sign(),
                        "token audience mismatch"),
                invalid("RS-52 no subject", t -> t.without("sub").sign(), "token has no subject"));
    }

    @Test
    void rs33_largeRandomTokenIsInvalidTokenNot5xx() {
        String random = Base64URL.encode(new java.security.SecureRandom().generateSeed(3000)).toString();
        assertChallenge(withToken(random).body(INITIALIZE).post("/mcp"), 401, invalidToken("token malformed"));
    }

    @Test
    void rs75_oversizedTokenIsRefusedWithout5xx() throws IOException {
        String request = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + "a".repeat(64 * 1024)
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        try (Socket socket = new Socket("127.0.0.1", McpCalls.port())) {
            socket.setSoTimeout(10_000);
            Optional<IOException> writeFailure = write(socket, request);
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat("server closed early: " + writeFailure, statusLine, startsWith("HTTP/1.1 4"));
        }
    }

    /** The server may answer and close while the huge header is still being written. */
    private static Optional<IOException> write(Socket socket, String request) {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    @Test
    void rs59_audienceFromHostHeaderIsNeverTrusted() {
        String token = MINT.token().claim("aud", "http://evil.test/mcp").sign();
        Response response = withToken(token).header("Host", "evil.test").body(INITIALIZE).post("/mcp");
        assertChallenge(response, 401, invalidToken("token audience mismatch"));
    }

    static Arguments invalid(String name, Function<TokenMinter.Token, String> mint, String description) {
        return Arguments.of(name, mint.apply(MINT.token()), description);
    }

    static void assertChallenge(Response response, int status, String challenge) {
        assertThat(response.body().asString(), response.statusCode(), is(status));
        assertThat(response.header("WWW-Authenticate"), is(challenge));
        assertThat("exactly one challenge header", response.headers().getValues("WWW-Authenticate").size(), is(1));
    }

    private static String flipLastSignatureChar(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    private static RSAKey strangerKey() {
        try {
            return TestIssuer.rsaKey("stranger");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
