package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
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
 * RS-44 for JWKs that publish no {@code alg} (RFC 7517 makes it optional): each key still serves
 * exactly one algorithm (RFC 8725 §3.1), RS256 for an RSA key and the curve's ECDSA algorithm for
 * an EC key, so a token cannot pick another member of the key's family.
 */
@HelidonTest
class KeyWithoutAlgorithmTest {

    /** Its own issuer, not {@code @WithTestIssuer}: the keys below are published before the server starts. */
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final TokenMinter MINT = ISSUER.minter(TestConfig.RESOURCE);
    private static final RSAKey RSA_WITHOUT_ALG = generateRsa();
    private static final ECKey EC_WITHOUT_ALG = generateEc();

    static {
        ISSUER.publish(RSA_WITHOUT_ALG, EC_WITHOUT_ALG);
    }

    @AddConfigSource
    static ConfigSource config() {
        return TestConfig.trusting(ISSUER, Map.of());
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void rs41_rs256WithAnRsaKeyWithoutAlgIsAccepted() {
        assertThat(call(MINT.token().key(RSA_WITHOUT_ALG).sign()).statusCode(), is(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS256", "RS384", "RS512", "PS512"})
    void rs44_anotherRsaAlgorithmWithAnRsaKeyWithoutAlgIsRefused(String alg) {
        Response response = call(MINT.token().key(RSA_WITHOUT_ALG).algorithm(JWSAlgorithm.parse(alg)).sign());
        assertThat(response.statusCode(), is(401));
        assertThat(response.header("WWW-Authenticate"), is(BearerEdgeTest.invalidToken("unknown signing key")));
    }

    @Test
    void rs41_es256WithAP256KeyWithoutAlgIsAccepted() {
        assertThat(call(MINT.token().key(EC_WITHOUT_ALG).algorithm(JWSAlgorithm.ES256).sign()).statusCode(), is(200));
    }

    private static Response call(String token) {
        return withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
    }

    private static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("rsa-no-alg").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("ec-no-alg").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
