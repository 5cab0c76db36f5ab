package dev.mcpauth.server.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens at test time with keys the test owns. Defaults describe a good token
 * (RS256, {@code typ: at+jwt}, {@code kid}, right {@code iss}/{@code aud}, {@code scope: mcp:read},
 * five minutes of life); each setter is one mutation.
 */
public final class TokenMinter {

    private final String issuer;
    private final String audience;
    private final JWK defaultKey;

    TokenMinter(String issuer, String audience, JWK defaultKey) {
        this.issuer = issuer;
        this.audience = audience;
        this.defaultKey = defaultKey;
    }

    public Token token() {
        return new Token(issuer, audience, defaultKey);
    }

    /** Builder of one token; {@link #sign()} renders it. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private JOSEObjectType type = new JOSEObjectType("at+jwt");
        private JWK key;
        private String keyId;
        private Set<String> critical = Set.of();
        private JWK embeddedJwk;
        private java.net.URI jku;

        Token(String issuer, String audience, JWK key) {
            this.key = key;
            this.keyId = key.getKeyID();
            Instant now = Instant.now();
            claims.put("iss", issuer);
            claims.put("sub", "alice");
            claims.put("aud", audience);
            claims.put("client_id", "test-client");
            claims.put("scope", "mcp:read");
            claims.put("iat", now.minusSeconds(10).getEpochSecond());
            claims.put("exp", now.plusSeconds(300).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token without(String name) {
            claims.remove(name);
            return this;
        }

        public Token scope(String scope) {
            return claim("scope", scope);
        }

        public Token subject(String subject) {
            return claim("sub", subject);
        }

        public Token expiresAt(Instant when) {
            return claim("exp", when.getEpochSecond());
        }

        public Token notBefore(Instant when) {
            return claim("nbf", when.getEpochSecond());
        }

        public Token type(String typ) {
            this.type = typ == null ? null : new JOSEObjectType(typ);
            return this;
        }

        public Token algorithm(JWSAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public Token key(JWK signingKey) {
            this.key = signingKey;
            this.keyId = signingKey.getKeyID();
            return this;
        }

        public Token keyId(String kid) {
            this.keyId = kid;
            return this;
        }

        public Token critical(String... names) {
            this.critical = Set.of(names);
            return this;
        }

        /** Puts a (public) key in the {@code jwk} header, as an attacker would (RS-45). */
        public Token embedJwk(JWK publicKey) {
            this.embeddedJwk = publicKey.toPublicJWK();
            return this;
        }

        /** Points {@code jku} at a URL, as an attacker would (RS-45). */
        public Token jku(java.net.URI url) {
            this.jku = url;
            return this;
        }

        public String sign() {
            try {
                JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(type).keyID(keyId)
                        .jwk(embeddedJwk).jwkURL(jku);
                if (!critical.isEmpty()) {
                    header.criticalParams(critical);
                    critical.forEach(name -> header.customParam(name, true));
                }
                SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(claims));
                jwt.sign(signer());
                return jwt.serialize();
            } catch (JOSEException | java.text.ParseException e) {
                throw new IllegalStateException("cannot mint test token", e);
            }
        }

        /** HS256 "signed" with the bytes of the RSA public key as the HMAC secret (RS-43). */
        public String signHmacWithPublicKey() {
            try {
                byte[] secret = ((RSAKey) key).toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
                JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).keyID(keyId).build();
                SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException | java.text.ParseException e) {
                throw new IllegalStateException("cannot mint HMAC token", e);
            }
        }

        /** {@code alg} spelled as given, empty signature (RS-42). */
        public String unsigned(String alg) {
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}";
            try {
                return Base64URL.encode(header) + "." + Base64URL.encode(JWTClaimsSet.parse(claims).toString()) + ".";
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWSSigner signer() throws JOSEException {
            if (key instanceof RSAKey rsa) {
                return new RSASSASigner(rsa);
            }
            if (key instanceof ECKey ec) {
                return new ECDSASigner(ec);
            }
            throw new IllegalStateException("unsupported test key " + key.getKeyType());
        }

        /** Signs an arbitrary payload (e.g. a non-numeric {@code exp}, an array) with the real key. */
        public String signPayload(String payload) {
            try {
                JWSHeader header = new JWSHeader.Builder(algorithm).type(type).keyID(keyId).build();
                com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(header,
                        new com.nimbusds.jose.Payload(payload));
                jws.sign(signer());
                return jws.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign test payload", e);
            }
        }
    }
}
