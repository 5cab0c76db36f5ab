package dev.mcpauth.conformance.token;

import dev.mcpauth.conformance.options.OperatorTokens;
import dev.mcpauth.conformance.options.TokenTyp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.issuer.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSourceTest {
    private static final String AUD = "http://127.0.0.1:1/mcp";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static TestIssuer issuer;
    private static AttackerJwks attacker;
    private static IssuerClient client;
    private final List<String> minted = new ArrayList<>();
    private IssuerTokens factory;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
        attacker = AttackerJwks.start();
        client = IssuerClient.connect(issuer.issuerUrl(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        issuer.close();
        attacker.close();
    }

    private IssuerTokens factory() {
        if (factory == null) {
            factory = IssuerTokens.of(TokenSource.Mode.ISSUER, client, client.currentKey(),
                    new IssuerTokens.Template(client.issuer().toString(), AUD, "conformance-suite"),
                    attacker, Clock.fixed(NOW, ZoneOffset.UTC), minted::add);
        }
        return factory;
    }

    @Test
    void goodTokenIsAnRfc9068AccessTokenSignedByTheIssuer() throws Exception {
        String token = factory().withScopes("mcp:read mcp:write").get();
        JWSObject jws = JWSObject.parse(token);
        assertThat(jws.verify(new RSASSAVerifier(issuer.currentPublicKey()))).isTrue();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jws.getHeader().getKeyID()).isEqualTo(issuer.currentPublicKey().getKeyID());
        Map<String, Object> c = jws.getPayload().toJSONObject();
        assertThat(c).containsEntry("iss", issuer.issuerUrl().toString()).containsEntry("aud", AUD)
                .containsEntry("scope", "mcp:read mcp:write").containsEntry("client_id", "conformance-suite")
                .containsEntry("sub", "conformance-suite").containsKey("jti");
        assertThat(((Number) c.get("exp")).longValue() - ((Number) c.get("iat")).longValue()).isEqualTo(300);
        assertThat(minted).containsExactly(token);
    }

    @Test
    void theTokenTypChoosesTheHeaderOfGoodTokensAndTheMutationsStillEditIt() throws Exception {
        IssuerTokens jwt = factory().withTyp(TokenTyp.JWT);
        assertThat(JWSObject.parse(jwt.baseline("mcp:read").get()).getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.withIssuerKey(issuer.currentPublicKey()).typ()).isEqualTo(TokenTyp.JWT);
        JWSObject none = JWSObject.parse(factory().withTyp(TokenTyp.NONE).baseline("mcp:read").get());
        assertThat(none.getHeader().getType()).isNull();
        assertThat(none.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid");
        assertThat(JWSObject.parse(jwt.mutated(TokenMutation.TYP_AT_JWT_UPPERCASE, "mcp:read").get()).getHeader()
                .getType().getType()).isEqualTo("at+JWT");
        assertThat(JWSObject.parse(jwt.mutated(TokenMutation.MISSING_TYP, "mcp:read").get()).getHeader().getType()).isNull();
        assertThat(factory().withTokenTyp(TokenTyp.NONE)).isPresent();
    }

    @Test
    void everyMutationCanBeMadeInIssuerMode() {
        for (TokenMutation m : TokenMutation.values()) {
            Minted t = factory().mutated(m, "mcp:read");
            assertThat(t.available()).as(m + ": " + t.unavailable()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TokenMutation.class, names = {"EXPIRED", "EXPIRED_BEYOND_LEEWAY", "FUTURE_NBF", "NO_EXP",
            "NON_NUMERIC_EXP", "WRONG_AUDIENCE", "OTHER_API_AUDIENCE", "CLIENT_ID_AUDIENCE", "MISSING_AUDIENCE",
            "AUDIENCE_ARRAY_WITH_TARGET", "WRONG_ISSUER", "ISSUER_TRAILING_SLASH", "OTHER_SUBJECT", "WRONG_TYP",
            "TYP_AT_JWT_UPPERCASE", "UNKNOWN_CRIT", "RS384_SAME_KEY", "PS256_SAME_KEY", "UNKNOWN_KID",
            "KID_PATH_TRAVERSAL", "KID_SQL_INJECTION"})
    void issuerSignedMutationsVerifyWithTheIssuerKeyAndChangeExactlyOneThing(TokenMutation m) throws Exception {
        JWSObject jws = JWSObject.parse(factory().mutated(m, "mcp:read").get());
        RSASSAVerifier verifier = new RSASSAVerifier(issuer.currentPublicKey().toRSAPublicKey(),
                java.util.Set.of("x-unknown"));
        assertThat(jws.verify(verifier)).isTrue();
        Map<String, Object> h = jws.getHeader().toJSONObject();
        Map<String, Object> c = JSONObjectUtils.parse(jws.getPayload().toString());
        long now = NOW.getEpochSecond();
        switch (m) {
            case EXPIRED -> assertThat(c.get("exp")).isEqualTo(now - 600);
            case EXPIRED_BEYOND_LEEWAY -> assertThat(c.get("exp")).isEqualTo(now - 360);
            case FUTURE_NBF -> assertThat(c.get("nbf")).isEqualTo(now + 600);
            case NO_EXP -> assertThat(c).doesNotContainKey("exp");
            case NON_NUMERIC_EXP -> assertThat(c.get("exp")).isEqualTo("tomorrow");
            case WRONG_AUDIENCE -> assertThat(c.get("aud")).isEqualTo("https://other.test/mcp");
            case OTHER_API_AUDIENCE -> assertThat(c.get("aud")).isEqualTo("https://api.github.com");
            case CLIENT_ID_AUDIENCE -> assertThat(c.get("aud")).isEqualTo("conformance-suite");
            case MISSING_AUDIENCE -> assertThat(c).doesNotContainKey("aud");
            case AUDIENCE_ARRAY_WITH_TARGET -> assertThat(c.get("aud")).isEqualTo(List.of("https://other.test/mcp", AUD));
            case WRONG_ISSUER -> assertThat(c.get("iss")).isEqualTo("https://evil.test");
            case ISSUER_TRAILING_SLASH -> assertThat(c.get("iss")).isEqualTo(issuer.issuerUrl() + "/");
            case OTHER_SUBJECT -> assertThat(c.get("sub")).isEqualTo("conformance-other-user");
            case WRONG_TYP -> assertThat(h.get("typ")).isEqualTo("JWT");
            case TYP_AT_JWT_UPPERCASE -> assertThat(h.get("typ")).isEqualTo("at+JWT");
            case UNKNOWN_CRIT -> assertThat(h.get("crit")).isEqualTo(List.of("x-unknown"));
            case RS384_SAME_KEY -> assertThat(h.get("alg")).isEqualTo("RS384");
            case PS256_SAME_KEY -> assertThat(h.get("alg")).isEqualTo("PS256");
            case UNKNOWN_KID -> assertThat(h.get("kid")).isEqualTo("zzz");
            case KID_PATH_TRAVERSAL -> assertThat(h.get("kid")).isEqualTo("../../etc/passwd");
            case KID_SQL_INJECTION -> assertThat(h.get("kid")).isEqualTo("' OR 1=1--");
            default -> throw new IllegalArgumentException(m.name());
        }
        if (!m.name().contains("AUDIENCE")) {
            assertThat(c.get("aud")).isEqualTo(AUD);
        }
    }

    @Test
    void arrayPayloadIsSignedButNotAClaimsSet() throws Exception {
        JWSObject jws = JWSObject.parse(factory().mutated(TokenMutation.ARRAY_PAYLOAD, "mcp:read").get());
        assertThat(jws.verify(new RSASSAVerifier(issuer.currentPublicKey()))).isTrue();
        assertThat(jws.getPayload().toString()).startsWith("[{").endsWith("}]");
    }

    @Test
    void hmacTokensAreKeyedWithThePublicKeyBytes() throws Exception {
        JWSObject pem = JWSObject.parse(factory().mutated(TokenMutation.HS256_PUBLIC_KEY_PEM, "mcp:read").get());
        assertThat(pem.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(pem.getHeader().getKeyID()).isEqualTo(issuer.currentPublicKey().getKeyID());
        assertThat(pem.verify(new MACVerifier(Forger.pem(issuer.currentPublicKey())))).isTrue();
        JWSObject jwk = JWSObject.parse(factory().mutated(TokenMutation.HS256_PUBLIC_KEY_JWK, "mcp:read").get());
        assertThat(jwk.verify(new MACVerifier(issuer.currentPublicKey().toJSONString()))).isTrue();
    }

    @Test
    void attackerSignedTokensCarryTheAttackerKeyOrUrl() throws Exception {
        JWSObject embedded = JWSObject.parse(factory().mutated(TokenMutation.EMBEDDED_JWK, "mcp:read").get());
        assertThat(embedded.getHeader().getJWK().computeThumbprint()).isEqualTo(attacker.key().computeThumbprint());
        assertThat(embedded.verify(new RSASSAVerifier(attacker.key()))).isTrue();
        assertThat(embedded.verify(new RSASSAVerifier(issuer.currentPublicKey()))).isFalse();
        JWSObject jku = JWSObject.parse(factory().mutated(TokenMutation.JKU_ATTACKER, "mcp:read").get());
        assertThat(jku.getHeader().getJWKURL()).isEqualTo(attacker.jwksUrl());
    }

    @Test
    void damagedAndUnsignedShapes() throws Exception {
        String flipped = factory().mutated(TokenMutation.FLIPPED_SIGNATURE, "mcp:read").get();
        assertThat(JWSObject.parse(flipped).verify(new RSASSAVerifier(issuer.currentPublicKey()))).isFalse();
        assertThat(factory().mutated(TokenMutation.TWO_PARTS, "s").get().split("\\.", -1)).hasSize(2);
        assertThat(factory().mutated(TokenMutation.FOUR_PARTS, "s").get().split("\\.", -1)).hasSize(4);
        assertThat(factory().mutated(TokenMutation.FIVE_PARTS, "s").get().split("\\.", -1)).hasSize(5);
        assertThat(factory().mutated(TokenMutation.BAD_BASE64URL, "s").get()).startsWith("+/");
        String nonJson = factory().mutated(TokenMutation.NON_JSON_HEADER, "s").get();
        assertThat(new Base64URL(nonJson.split("\\.")[0]).decodeToString()).isEqualTo("this header is not JSON");
        for (TokenMutation none : List.of(TokenMutation.ALG_NONE, TokenMutation.ALG_NONE_CAPITALIZED, TokenMutation.ALG_NONE_UPPERCASE)) {
            String t = factory().mutated(none, "mcp:read").get();
            assertThat(t).endsWith(".");
            assertThat(new Base64URL(t.split("\\.")[0]).decodeToString()).containsIgnoringCase("\"alg\":\"none\"");
        }
        assertThat(factory().mutated(TokenMutation.ALG_NONE_CAPITALIZED, "s").get().split("\\.")[0])
                .isEqualTo(Base64URL.encode("{\"alg\":\"None\",\"typ\":\"at+jwt\"}").toString());
        assertThat(factory().mutated(TokenMutation.SINGLE_CHAR, "s").get()).isEqualTo("x");
        assertThat(factory().mutated(TokenMutation.RANDOM_4KB, "s").get()).hasSize(4096);
        assertThat(factory().mutated(TokenMutation.OVERSIZED_64KB, "s").get()).hasSize(65536).matches("[A-Za-z0-9._~+/-]+");
        assertThat(factory().mutated(TokenMutation.RANDOM_OPAQUE, "s").get())
                .isNotEqualTo(factory().mutated(TokenMutation.RANDOM_OPAQUE, "s").get());
    }

    private OperatorTokenSource operator(String token) {
        return OperatorTokenSource.of(token, Optional.empty(), OperatorTokens.NONE, URI.create(AUD), attacker, Clock.systemUTC(),
                minted::add);
    }

    @Test
    void operatorModeMakesWhatNeedsNoIssuerKeyAndExplainsTheRest() throws Exception {
        String operatorJwt = factory().withScopes("mcp:read").get();
        OperatorTokenSource op = operator(operatorJwt);
        assertThat(op.mode()).isEqualTo(TokenSource.Mode.OPERATOR);
        assertThat(op.withScopes("mcp:read").available()).isFalse();
        assertThat(op.baseline("x").get()).isEqualTo(operatorJwt);
        assertThat(op.mutated(TokenMutation.EXPIRED, "x").unavailable()).contains("--issuer");
        assertThat(op.mutated(TokenMutation.HS256_PUBLIC_KEY_PEM, "x").available()).isFalse();
        String flipped = op.mutated(TokenMutation.FLIPPED_SIGNATURE, "ignored").get();
        assertThat(flipped.substring(0, flipped.lastIndexOf('.'))).isEqualTo(operatorJwt.substring(0, operatorJwt.lastIndexOf('.')));
        String none = op.mutated(TokenMutation.ALG_NONE, "ignored").get();
        assertThat(none.split("\\.")[1]).isEqualTo(operatorJwt.split("\\.")[1]);
        assertThat(op.mutated(TokenMutation.EMBEDDED_JWK, "x").available()).isTrue();
        assertThat(op.mutated(TokenMutation.RANDOM_OPAQUE, "x").available()).isTrue();

        OperatorTokenSource opaque = operator("an-opaque-operator-token");
        assertThat(opaque.mutated(TokenMutation.FLIPPED_SIGNATURE, "x").unavailable()).contains("not a JWT");
        assertThat(opaque.mutated(TokenMutation.ALG_NONE, "x").available()).isFalse();
        assertThat(opaque.mutated(TokenMutation.SINGLE_CHAR, "x").available()).isTrue();
    }

    @Test
    void operatorSecondUserAndOtherAudienceTokensStandForThoseMutations() {
        OperatorTokenSource op = OperatorTokenSource.of("base", Optional.of("low"),
                new OperatorTokens(Optional.of("user-b"), Optional.of("other-aud")), URI.create(AUD), attacker,
                Clock.systemUTC(), minted::add);
        assertThat(op.lowScope("s").get()).isEqualTo("low");
        assertThat(op.mutated(TokenMutation.OTHER_SUBJECT, "s").get()).isEqualTo("user-b");
        assertThat(op.mutated(TokenMutation.WRONG_AUDIENCE, "s").get()).isEqualTo("other-aud");
        assertThat(op.mutationDescription(TokenMutation.OTHER_SUBJECT)).contains("--other-user-token");
        assertThat(op.mutationDescription(TokenMutation.EXPIRED)).isEqualTo(TokenMutation.EXPIRED.description());
        assertThat(op.mutated(TokenMutation.HS256_PUBLIC_KEY_PEM, "s",
                () -> PublishedKey.missing(List.of(), "the PRM lists no authorization_servers")).unavailable())
                .contains("the PRM lists no authorization_servers");
    }

    @Test
    void withoutASourceEveryTokenIsUnavailableWithTheReason() {
        NoTokens none = new NoTokens("the issuer is down", Optional.empty());
        assertThat(none.mode()).isEqualTo(TokenSource.Mode.NONE);
        assertThat(none.baseline("s").unavailable()).isEqualTo("the issuer is down");
        assertThat(none.mutated(TokenMutation.RANDOM_OPAQUE, "s").unavailable()).isEqualTo("the issuer is down");
    }

    @Test
    void aRotatedIssuerSourceNamesTheNewKeyAndLeavesTheOldOneAlone() throws Exception {
        IssuerTokens before = factory();
        com.nimbusds.jose.jwk.RSAKey other = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k2").generate();
        IssuerTokens after = before.withIssuerKey(other);
        assertThat(JWSObject.parse(after.withScopes("s").get()).getHeader().getKeyID()).isEqualTo("k2");
        assertThat(JWSObject.parse(before.withScopes("s").get()).getHeader().getKeyID()).isNotEqualTo("k2");
    }
}
