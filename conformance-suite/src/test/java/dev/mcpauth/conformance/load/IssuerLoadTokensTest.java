package dev.mcpauth.conformance.load;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpauth.conformance.issuer.TestIssuer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load's good tokens stay good when the issuer rotates its key mid-run (found by ci/soak.sh:
 * tokens minted after a rotation named the old kid but were signed with the new key, so the
 * server rightly refused them and the load counted wrong decisions).
 */
class IssuerLoadTokensTest {

    @Test
    void mintAfterTheIssuerRotatedItsKeyNamesAndVerifiesWithTheNewKey() throws Exception {
        try (TestIssuer issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
             IssuerLoadTokens tokens = IssuerLoadTokens.connect(issuer.issuerUrl(), URI.create("http://127.0.0.1:1/mcp"),
                     "mcp:read", Duration.ofSeconds(5), Clock.systemUTC())) {
            RSAKey rotated = issuer.rotate();

            SignedJWT good = SignedJWT.parse(tokens.mint(TokenKind.GOOD).orElseThrow());

            assertThat(good.getHeader().getKeyID()).isEqualTo(rotated.getKeyID());
            assertThat(good.verify(new RSASSAVerifier(rotated))).isTrue();
        }
    }
}
