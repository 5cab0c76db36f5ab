package dev.mcpauth.conformance.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Mints the tokens the scenarios send: good RFC 9068 access tokens and every
 * {@link TokenMutation}. Tokens are made at run time, never stored.
 *
 * <p>In issuer mode the trusted issuer signs (through {@link JwsSigner}), so every mutation
 * is possible. In operator mode only an operator-supplied token exists: mutations that damage
 * it, strip its signature or re-sign it with the attacker's key still work when it is a JWT;
 * the rest come back {@link Minted#unavailable(String) unavailable} with the reason.
 *
 * <p>Every token made is handed to {@code onMint} (the run's redactor) before it is returned.
 */
public final class TokenFactory {
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final String WRONG_AUDIENCE = "https://other.test/mcp";
    public static final String OTHER_API_AUDIENCE = "https://api.github.com";
    public static final String WRONG_ISSUER = "https://evil.test";
    public static final String OTHER_SUBJECT = "conformance-other-user";

    /**
     * The claims of a good token.
     *
     * @param issuer   the trusted issuer's identifier ({@code iss})
     * @param audience the resource under test ({@code aud})
     * @param clientId {@code client_id}, also used as {@code sub}
     */
    public record Template(String issuer, String audience, String clientId) {
        public Template {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    private final Optional<JwsSigner> signer;
    private final Optional<RSAKey> issuerKey;
    private final Optional<Template> template;
    private final Optional<String> operatorToken;
    private final AttackerJwks attacker;
    private final Clock clock;
    private final SecureRandom random;
    private final Consumer<String> onMint;

    private TokenFactory(Optional<JwsSigner> signer, Optional<RSAKey> issuerKey, Optional<Template> template,
                         Optional<String> operatorToken, AttackerJwks attacker, Clock clock, SecureRandom random,
                         Consumer<String> onMint) {
        this.signer = signer;
        this.issuerKey = issuerKey.map(RSAKey::toPublicJWK);
        this.template = template;
        this.operatorToken = operatorToken;
        this.attacker = Objects.requireNonNull(attacker, "attacker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.onMint = Objects.requireNonNull(onMint, "onMint");
    }

    /** Issuer mode: the trusted issuer signs; {@code issuerKey} is its current public key (for its kid). */
    public static TokenFactory issuerMode(JwsSigner signer, RSAKey issuerKey, Template template, AttackerJwks attacker,
                                          Clock clock, Consumer<String> onMint) {
        return new TokenFactory(Optional.of(signer), Optional.of(issuerKey), Optional.of(template), Optional.empty(),
                attacker, clock, new SecureRandom(), onMint);
    }

    /** Operator mode: only the operator's (baseline) token exists. */
    public static TokenFactory operatorMode(String operatorToken, AttackerJwks attacker, Clock clock,
                                            Consumer<String> onMint) {
        return new TokenFactory(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(operatorToken),
                attacker, clock, new SecureRandom(), onMint);
    }

    public boolean issuerMode() {
        return signer.isPresent();
    }

    /** A good token with these scopes (space-separated; empty for none). Issuer mode only. */
    public Minted good(String scope) {
        if (signer.isEmpty()) {
            return Minted.unavailable("minting a token with scopes \"" + scope + "\" needs the suite's issuer "
                    + "(run with --issuer, or let the suite start one the target trusts)");
        }
        return sign(goodHeader(), goodClaims(scope));
    }

    /** A good token for the baseline scope, changed as the mutation says. */
    public Minted mutated(TokenMutation mutation, String scope) {
        return switch (mutation.needs()) {
            case ISSUER_KEY -> signer.isEmpty()
                    ? Minted.unavailable("\"" + mutation.description() + "\" must be signed by the trusted issuer; "
                    + "an operator token cannot be re-signed (run with --issuer)")
                    : signed(mutation, scope);
            case ISSUER_PUBLIC_KEY -> issuerKey.isEmpty()
                    ? Minted.unavailable("\"" + mutation.description() + "\" needs the trusted issuer's public key, "
                    + "which only the suite's issuer provides (run with --issuer)")
                    : hmacWithPublicKey(mutation, scope);
            case GOOD_JWT -> goodJwt(scope).map(jwt -> damaged(mutation, jwt))
                    .orElseGet(() -> Minted.unavailable(noJwt(mutation)));
            case CLAIMS -> baseClaims(scope).map(hc -> reSigned(mutation, hc.claims()))
                    .orElseGet(() -> Minted.unavailable(noJwt(mutation)));
            case NOTHING -> synthetic(mutation);
        };
    }

    private String noJwt(TokenMutation mutation) {
        return "\"" + mutation.description() + "\" is derived from a good JWT, and the operator token is not a JWT";
    }

    private Minted signed(TokenMutation m, String scope) {
        Map<String, Object> h = goodHeader();
        Map<String, Object> c = goodClaims(scope);
        if (m == TokenMutation.ARRAY_PAYLOAD) {
            // The good claims wrapped in an array: signed correctly, but not a JWT Claims Set.
            return signRaw(h, "[" + JSONObjectUtils.toJSONString(c) + "]");
        }
        SignedMutations.apply(m, h, c, template.orElseThrow(), clock.instant());
        return sign(h, c);
    }

    /** A copy that names this key in {@code kid}: the issuer signs with it now (after a rotation). */
    public TokenFactory withIssuerKey(RSAKey key) {
        return new TokenFactory(signer, Optional.of(key), template, operatorToken, attacker, clock, random, onMint);
    }

    private Minted hmacWithPublicKey(TokenMutation m, String scope) {
        return hmac(m, issuerKey.orElseThrow(), goodHeader(), goodClaims(scope));
    }

    /**
     * Operator mode: an {@link TokenMutation.Needs#ISSUER_PUBLIC_KEY} mutation keyed with a public
     * key the authorization server publishes (found black-box through PRM → AS metadata →
     * {@code jwks_uri}), under that key's {@code kid}. The claims are the operator token's when it
     * is a JWT; otherwise the AS as {@code iss}, the target as {@code aud}, the baseline scope and
     * a future {@code exp}.
     *
     * @param published an RSA or EC public key with a {@code kid}
     * @param issuer    the authorization server's issuer, for a non-JWT operator token
     * @param audience  the resource under test, for a non-JWT operator token
     */
    public Minted hmacWithPublishedKey(TokenMutation m, JWK published, String issuer, String audience, String scope) {
        if (m.needs() != TokenMutation.Needs.ISSUER_PUBLIC_KEY) {
            throw new IllegalArgumentException(m + " is not an HMAC mutation");
        }
        Optional<HeaderAndClaims> operator = operatorToken.flatMap(TokenFactory::parseJws);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "HS256");
        h.put("typ", operator.map(hc -> hc.header().get("typ")).filter(String.class::isInstance).orElse("at+jwt"));
        h.put("kid", published.getKeyID());
        Map<String, Object> c = operator.map(HeaderAndClaims::claims).orElseGet(() -> {
            Instant now = clock.instant();
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("iss", issuer);
            made.put("aud", audience);
            if (!scope.isBlank()) {
                made.put("scope", scope.trim());
            }
            made.put("iat", now.getEpochSecond());
            made.put("exp", now.plus(LIFETIME).getEpochSecond());
            return made;
        });
        return hmac(m, published.toPublicJWK(), h, c);
    }

    private Minted hmac(TokenMutation m, JWK pub, Map<String, Object> header, Map<String, Object> claims) {
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

    private Minted damaged(TokenMutation m, String jwt) {
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

    private Minted reSigned(TokenMutation m, Map<String, Object> claims) {
        String payload = JSONObjectUtils.toJSONString(claims);
        Map<String, Object> h = new LinkedHashMap<>();
        switch (m) {
            case ALG_NONE, ALG_NONE_CAPITALIZED, ALG_NONE_UPPERCASE -> {
                h.put("alg", m == TokenMutation.ALG_NONE ? "none" : m == TokenMutation.ALG_NONE_CAPITALIZED ? "None" : "NONE");
                h.put("typ", "at+jwt");
                return minted(Base64URL.encode(JSONObjectUtils.toJSONString(h)) + "." + Base64URL.encode(payload) + ".");
            }
            case EMBEDDED_JWK -> {
                h.put("alg", "RS256");
                h.put("typ", "at+jwt");
                h.put("kid", attacker.key().getKeyID());
                h.put("jwk", attacker.key().toPublicJWK().toJSONObject());
            }
            case JKU_ATTACKER -> {
                h.put("alg", "RS256");
                h.put("typ", "at+jwt");
                h.put("kid", attacker.key().getKeyID());
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

    private Minted synthetic(TokenMutation m) {
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

    private Optional<String> goodJwt(String scope) {
        if (signer.isPresent()) {
            return good(scope).token();
        }
        return operatorToken.filter(t -> parseJws(t).isPresent());
    }

    private record HeaderAndClaims(Map<String, Object> header, Map<String, Object> claims) {
    }

    private Optional<HeaderAndClaims> baseClaims(String scope) {
        if (signer.isPresent()) {
            return Optional.of(new HeaderAndClaims(goodHeader(), goodClaims(scope)));
        }
        return operatorToken.flatMap(TokenFactory::parseJws);
    }

    private static Optional<HeaderAndClaims> parseJws(String token) {
        try {
            JWSObject jws = JWSObject.parse(token);
            return Optional.of(new HeaderAndClaims(jws.getHeader().toJSONObject(),
                    JSONObjectUtils.parse(jws.getPayload().toString())));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> goodHeader() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        h.put("typ", "at+jwt");
        h.put("kid", issuerKey.orElseThrow().getKeyID());
        return h;
    }

    private Map<String, Object> goodClaims(String scope) {
        Template t = template.orElseThrow();
        Instant now = clock.instant();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", t.issuer());
        c.put("sub", t.clientId());
        c.put("aud", t.audience());
        c.put("client_id", t.clientId());
        if (!scope.isBlank()) {
            c.put("scope", scope.trim());
        }
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.plus(LIFETIME).getEpochSecond());
        c.put("jti", randomBase64Url(16));
        return c;
    }

    private Minted sign(Map<String, Object> header, Map<String, Object> claims) {
        return signRaw(header, JSONObjectUtils.toJSONString(claims));
    }

    private Minted signRaw(Map<String, Object> header, String payload) {
        try {
            return minted(signer.orElseThrow().sign(header, payload));
        } catch (JwsSigner.SigningException e) {
            return Minted.unavailable("the suite's issuer did not sign: " + e.getMessage());
        }
    }

    private Minted minted(String token) {
        onMint.accept(token);
        return Minted.of(token);
    }

    private String randomBase64Url(int bytes) {
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

    /** The public key as a PEM SubjectPublicKeyInfo, as an attacker would copy it. */
    public static String pem(RSAKey key) throws JOSEException {
        return pem((JWK) key);
    }

    /** An RSA or EC public key as a PEM SubjectPublicKeyInfo. */
    public static String pem(JWK key) throws JOSEException {
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            throw new JOSEException("a " + key.getKeyType() + " key has no public-key PEM form");
        }
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(asymmetric.toPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
