package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Keys change under a running server (RS-46, RS-61). The two scenarios share one server and one
 * refetch budget, so they run in a fixed order: rotation first (it needs the unknown-kid refetch),
 * then the outage (whose unknown kid must find the budget spent or the JWKS down).
 */
@WithTestIssuer(config = "mcp.auth.jwks-refresh-min-interval=30")
@HelidonTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationTest {

    private static TestIssuer ISSUER;
    private static TokenMinter MINT;

    @Test
    @Order(1)
    void rs46_rotatedKeyIsAcceptedWithoutRestartAndUnknownKidRefetchIsRateLimited() throws Exception {
        assertThat(status(MINT.token().sign()), is(200));
        RSAKey rotated = TestIssuer.rsaKey("k2");
        ISSUER.publish(rotated, ISSUER.ecKey());
        int fetchesBefore = ISSUER.jwksFetches();

        assertThat("new kid: one refetch, then accepted", status(MINT.token().key(rotated).sign()), is(200));
        assertThat(ISSUER.jwksFetches(), is(fetchesBefore + 1));

        Response unknown = call(MINT.token().keyId("never-published").sign());
        assertThat(unknown.statusCode(), is(401));
        assertThat(unknown.header("WWW-Authenticate"), is(BearerEdgeTest.invalidToken("unknown signing key")));
        assertThat("a second unknown kid within the interval fetches nothing", ISSUER.jwksFetches(), is(fetchesBefore + 1));
        assertThat("the removed key is no longer trusted", status(MINT.token().sign()), is(401));
    }

    @Test
    @Order(2)
    void rs61_jwksOutageKeepsCachedKeysWorkingAndAcceptsNothingUnverified() {
        String cachedKeyToken = MINT.token().key(ISSUER.ecKey()).algorithm(JWSAlgorithm.ES256).sign();
        assertThat(status(cachedKeyToken), is(200));
        ISSUER.jwksDown(true);
        try {
            assertThat("cached key still verifies", status(MINT.token().key(ISSUER.ecKey())
                    .algorithm(JWSAlgorithm.ES256).sign()), is(200));
            assertThat("unknown kid during outage", status(MINT.token().keyId("during-outage").sign()), is(401));
            String forged = MINT.token().key(ISSUER.rsaKey()).keyId("e1").algorithm(JWSAlgorithm.RS256).sign();
            assertThat("nothing unverified", status(forged), is(401));
        } finally {
            ISSUER.jwksDown(false);
        }
    }

    private static int status(String token) {
        return call(token).statusCode();
    }

    private static Response call(String token) {
        return withToken(token).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
    }
}
