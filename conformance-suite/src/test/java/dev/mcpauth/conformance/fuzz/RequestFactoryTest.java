package dev.mcpauth.conformance.fuzz;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Request i is rebuilt from the seed and i alone, its family is i mod 9, and the report never shows its tokens. */
class RequestFactoryTest {
    private static final String TOKEN = signedToken();
    private final RequestFactory factory = new RequestFactory(URI.create("http://127.0.0.1:1/mcp"), 42,
            () -> Optional.of(TOKEN), Optional.of("session-1"), "2025-06-18");

    /** A real RS256 token, minted here with a fresh key, so the redaction is tried on the shape a server sees. */
    private static String signedToken() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("fuzz").generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("fuzz")
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameSeedAndIndexGiveTheSameRequest() {
        for (int i = 0; i < 200; i++) {
            FuzzRequest a = factory.build(i);
            FuzzRequest b = factory.build(i);
            assertThat(a.redacted()).isEqualTo(b.redacted());
            assertThat(a.body()).isEqualTo(b.body());
            assertThat(a.family()).isEqualTo(FuzzFamily.values()[i % FuzzFamily.values().length]);
        }
    }

    @Test
    void redactedRequestsHoldNoTokenAndNoPieceOfOne() {
        for (int i = 0; i < 900; i++) {
            FuzzRequest r = factory.build(i);
            assertThat(r.secrets()).isNotEmpty();
            assertThat(FuzzRun.echoed(r.redacted(), r.secrets())).as("request %d", i).isEmpty();
        }
    }

    @Test
    void everyHeaderValueIsSendableByTheJdkClient() {
        for (int i = 0; i < 900; i++) {
            factory.build(i).headers().forEach(h -> assertThat(h.getValue()).isEqualTo(Junk.sendable(h.getValue())));
        }
    }
}
