package dev.mcpauth.conformance.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The forgeries that need no key of the trusted issuer: a good JWT damaged, its claims re-signed
 * with the attacker's key or without a signature, an HMAC keyed with a public key, and synthetic
 * non-JWT tokens. Every token made is handed to {@code onMint} (the run's redactor) first.
 */
public final class Forger {
    private final AttackerJwks attacker;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> onMint;

    Forger(AttackerJwks attacker, Consumer<String> onMint) {
        this.attacker = Objects.requireNonNull(attacker, "attacker");
        this.onMint = Objects.requireNonNull(onMint, "onMint");
    }

    /** A JWS header and claims set, as parsed from a compact token. */
    record HeaderAndClaims(Map<String, Object> header, Map<String, Object> claims) {
    }

    static Optional<HeaderAndClaims> parseJws(String token) {
        try {
            JWSObject jws = JWSObject.parse(token);
            return Optional.of(new HeaderAndClaims(jws.getHeader().toJSONObject(),
                    JSONObjectUtils.parse(jws.getPayload().toString())));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    Minted minted(String token) {
        onMint.accept(token);
        return Minted.of(token);
    }

    /** A {@link TokenMutation.Needs#GOOD_JWT} mutation of this good JWT. */
    Minted damaged(TokenMutation m, String jwt) {
        String[] parts = jwt.split("\\.", -1);
        return switch (m) {
            case FLIPPED_SIGNATURE -> {
                byte[] sig = new Base64URL(parts[2]).decode();
                sig[sig.length / 2] ^= 0x01;
                yield minted(parts[0] + "." + parts[1] + "." + Base64URL.encode(sig));
            }
            case TWO_PARTS -> minted(parts[0] + "." + parts[1]);
            case FOUR_PARTS -> minted(jwt + "." + parts[2]);
            case BAD_BASE64URL -> minted("+/" + parts[0] + "." + parts[1] + "." + parts[2]);
            case NON_JSON_HEADER -> minted(Base64URL.encode("this header is not JSON") + "." + parts[1] + "." + parts[2]);
            default -> throw new IllegalArgumentException(m + " does not damage a JWT");
        };
    }

    /** A {@link TokenMutation.Needs#CLAIMS} mutation: these claims unsigned or signed by the attacker. */
    Minted reSigned(TokenMutation m, Map<String, Object> claims) {
        String payload = JSONObjectUtils.toJSONString(claims);
        Map<String, Object> h = new LinkedHashMap<>();
        switch (m) {
            case ALG_NONE, ALG_NONE_CAPITALIZED, ALG_NONE_UPPERCASE -> {
                h.put("alg", m == TokenMutation.ALG_NONE ? "none" : m == TokenMutation.ALG_NONE_CAPITALIZED ? "None" : "NONE");
                h.put("typ", "at+jwt");
                return minted(Base64URL.encode(JSONObjectUtils.toJSONString(h)) + "." + Base64URL.encode(payload) + ".");
            }
            case EMBEDDED_JWK -> {
                attackerHeader(h);
                h.put("jwk", attacker.key().toPublicJWK().toJSONObject());
            }
            case JKU_ATTACKER -> {
                attackerHeader(h);
                h.put("jku", attacker.jwksUrl().toString());
            }
            default -> throw new IllegalArgumentException(m + " is not a re-signing mutation");
        }
        try {
            JWSObject jws = new JWSObject(JWSHeader.parse(h), new Payload(payload));
            jws.sign(new RSASSASigner(attacker.key()));
            return minted(jws.serialize());
        } catch (JOSEException | ParseException e) {
            return Minted.unavailable("could not sign with the attacker key: " + e.getMessage());
        }
    }

    private void attackerHeader(Map<String, Object> h) {
        h.put("alg", "RS256");
        h.put("typ", "at+jwt");
        h.put("kid", attacker.key().getKeyID());
    }

    /** An {@link TokenMutation.Needs#ISSUER_PUBLIC_KEY} mutation: HS256 keyed with this public key. */
    Minted hmac(TokenMutation m, JWK pub, Map<String, Object> header, Map<String, Object> claims) {
        byte[] secret;
        try {
            secret = switch (m) {
                case HS256_PUBLIC_KEY_PEM -> pem(pub).getBytes(StandardCharsets.US_ASCII);
                case HS256_PUBLIC_KEY_JWK -> pub.toJSONString().getBytes(StandardCharsets.UTF_8);
                default -> throw new IllegalArgumentException(m + " is not an HMAC mutation");
            };
            Map<String, Object> h = new LinkedHashMap<>(header);
            h.put("alg", "HS256");
            JWSObject jws = new JWSObject(JWSHeader.parse(h), new Payload(JSONObjectUtils.toJSONString(claims)));
            jws.sign(new MACSigner(secret));
            return minted(jws.serialize());
        } catch (JOSEException | ParseException e) {
            return Minted.unavailable("could not make the HS256 token: " + e.getMessage());
        }
    }

    /** A {@link TokenMutation.Needs#NOTHING} mutation: random or oversized values, a fake JWE. */
    Minted synthetic(TokenMutation m) {
        return switch (m) {
            case RANDOM_OPAQUE -> minted(randomBase64Url(32));
            case SINGLE_CHAR -> minted("x");
            case RANDOM_4KB -> minted(randomToken68(4096));
            case OVERSIZED_64KB -> minted(randomToken68(64 * 1024));
            case FIVE_PARTS -> minted(Base64URL.encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + "."
                    + randomBase64Url(256) + "." + randomBase64Url(12) + "." + randomBase64Url(64) + "." + randomBase64Url(16));
            default -> throw new IllegalArgumentException(m + " is not synthetic");
        };
    }

    String randomBase64Url(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64URL.encode(b).toString();
    }

    private String randomToken68(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** An RSA or EC public key as a PEM SubjectPublicKeyInfo, as an attacker would copy it. */
    public static String pem(JWK key) throws JOSEException {
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            throw new JOSEException("a " + key.getKeyType() + " key has no public-key PEM form");
        }
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(asymmetric.toPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
