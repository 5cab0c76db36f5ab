package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import dev.mcpauth.server.auth.BearerAuthenticator.Authentication;
import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.config.TokenTypeProfile;
import dev.mcpauth.server.fuzz.FuzzBudget;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the bearer edge from the presented credentials to the decision (RS-25 to RS-57): the
 * {@code Authorization} field lines (any number, any scheme, any token), a query or form token,
 * and tokens that are garbage, hostile JOSE headers and payloads, or hostile claims validly signed
 * by the trusted issuer. Contract: a typed {@link Authentication}, never an exception; a refusal is
 * 400/401/503 with one of the fixed challenge texts (nothing from the request in it); the decision
 * log line never holds the token; only a token the issuer signed with good claims is accepted.
 */
class BearerEdgeFuzzTest {

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final String PRM = "http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp";
    private static final Set<String> DESCRIPTIONS = Stream.concat(
            Stream.of(TokenRejection.values()).map(TokenRejection::description),
            Stream.of("more than one Authorization header", "empty bearer token", "more than one credential supplied"))
            .collect(Collectors.toSet());
    private static final List<String> SCHEMES = List.of("Bearer", "bearer", "BEARER", "Basic", "Bearer\t", "", "Bearerx");
    private static final List<String> ALGORITHMS = List.of("RS256", "ES256", "none", "None", "HS256", "PS512", "RSA-OAEP");
    private static BearerAuthenticator edge;

    @BeforeAll
    static void startEdge() {
        McpSettings settings = new McpSettings(URI.create(TestConfig.RESOURCE), URI.create(ISSUER.issuer()),
                Optional.of(URI.create(ISSUER.jwksUri())), List.of("mcp:read"), TokenTypeProfile.LENIENT,
                Duration.ofSeconds(60), Set.of(), "fuzz", Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofSeconds(60), Optional.empty(), false);
        JwksKeySource keys = new JwksKeySource(JwksLocation.fixed(URI.create(ISSUER.jwksUri())),
                new JwksDocumentReader(new HttpJson(HttpClient.newHttpClient())), Clock.systemUTC(),
                Duration.ofSeconds(10), Duration.ofMinutes(5));
        edge = new BearerAuthenticator(PRM, new AccessTokenValidator(settings, keys, Clock.systemUTC()));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void authenticateAnswersEveryCredentialWithATypedDecision(FuzzedDataProvider data) throws JOSEException {
        boolean signed = data.consumeBoolean();
        String token = signed ? signedHostileClaims(data) : token(data);
        List<String> lines = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            String scheme = data.pickValue(SCHEMES);
            lines.add(i == 0 ? scheme + " ".repeat(data.consumeInt(0, 3)) + token : data.consumeString(64));
        }
        PresentedCredentials presented = new PresentedCredentials(lines, data.consumeBoolean(), data.consumeBoolean());

        Authentication answer;
        // the edge fetches the issuer's JWKS on loopback; Jazzer's SSRF detector allows only that
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1"))) {
            answer = edge.authenticate(presented);
        }

        assertThat("decision log line: " + answer, FuzzBudget.echoes(decisionOf(answer).toString(), token), is(false));
        if (answer instanceof Authentication.Failure failure) {
            BearerRejection rejection = failure.rejection();
            assertThat(rejection.status(), isIn(List.of(400, 401, 503)));
            rejection.challenge().ifPresent(c -> assertThat(c.param("error_description").orElse("token malformed"),
                                                            isIn(DESCRIPTIONS)));
            assertThat(rejection.challenge().map(BearerChallenge::headerValue).orElse("").contains("\n"), is(false));
        } else {
            Authentication.Success success = (Authentication.Success) answer;
            assertThat("only a token the issuer signed is accepted: " + success, signed, is(true));
            assertThat(success.accessToken().fingerprint(), is(TokenFingerprint.of(token)));
            assertThat(success.accessToken().issuer(), is(ISSUER.issuer()));
            assertThat(List.of(presented.queryToken(), presented.formToken()), hasItem(false));
        }
    }

    private static AuthDecision decisionOf(Authentication answer) {
        return switch (answer) {
            case Authentication.Success s -> s.decision();
            case Authentication.Failure f -> f.decision();
        };
    }

    /** Garbage, or three dot-separated parts with a fuzzed JOSE header and payload. */
    private static String token(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeString(200);
            case 1 -> b64(data.consumeString(200)) + "." + b64(data.consumeString(300)) + "." + data.consumeAsciiString(80);
            default -> b64("{\"alg\":\"" + data.pickValue(ALGORITHMS) + "\",\"kid\":\"" + data.consumeAsciiString(8)
                    + "\"" + data.consumeString(80) + "}") + "." + b64(data.consumeString(300)) + "."
                    + b64(data.consumeString(64));
        };
    }

    /** A payload the fuzzer writes (any JSON, any claim types), signed with the issuer's trusted key. */
    private static String signedHostileClaims(FuzzedDataProvider data) throws JOSEException {
        String claims = data.consumeBoolean() ? data.consumeString(400)
                : "{\"iss\":\"" + ISSUER.issuer() + "\",\"aud\":\"" + TestConfig.RESOURCE + "\",\"exp\":"
                        + (System.currentTimeMillis() / 1000 + data.consumeInt(-400, 400)) + data.consumeString(300) + "}";
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                .type(new JOSEObjectType("at+jwt")).build(), new Payload(claims));
        jws.sign(new RSASSASigner(ISSUER.rsaKey()));
        return jws.serialize();
    }

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
