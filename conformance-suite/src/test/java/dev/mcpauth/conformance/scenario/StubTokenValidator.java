package dev.mcpauth.conformance.scenario;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stub server's token check: a correct RFC 9068 validation with Nimbus (RS256 allow-list,
 * keys only from the issuer's JWKS, typ at+jwt, exact iss, aud containing the resource with
 * scheme and host compared case-insensitively, exp required, nbf honoured, 60 s skew), each step
 * of which a {@link StubDefect} can break.
 */
final class StubTokenValidator {
    /** The outcome: status 0 = valid (claims set), 401 = invalid, 500 = the stub "crashed". */
    record Validation(int status, JWTClaimsSet claims, String reason, boolean expiredOnly) {
        static Validation valid(JWTClaimsSet c) {
            return new Validation(0, c, "", false);
        }

        static Validation invalid(String why) {
            return new Validation(401, null, why, false);
        }

        static Validation crash(String why) {
            return new Validation(500, null, why, false);
        }

        boolean ok() {
            return status == 0;
        }
    }

    private final StubKeys keys;
    private final String issuer;
    private final String resource;
    private final Set<StubDefect> defects;
    private final Clock clock;
    private volatile boolean introspectionFailedOnce;

    StubTokenValidator(StubKeys keys, String issuer, String resource, Set<StubDefect> defects, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.resource = resource;
        this.defects = defects;
        this.clock = clock;
    }

    private boolean has(StubDefect d) {
        return defects.contains(d);
    }

    /** An opaque token the stub knows, as if by introspection: for operator-token runs. */
    static final String OPAQUE_TOKEN = "operator-opaque-token-0123456789-abcdefghij";

    Validation validate(String token) {
        return validate(token, resource);
    }

    /** @param audience the resource this request is for (the stub's own, unless a defect takes it from Host) */
    Validation validate(String token, String audience) {
        if (has(StubDefect.REJECT_ALL_TOKENS)) {
            return Validation.invalid("this stub trusts nobody");
        }
        if (token.equals(OPAQUE_TOKEN)) {
            return Validation.valid(new JWTClaimsSet.Builder().subject("operator").claim("scope", StubMcpServer.BASELINE)
                    .expirationTime(Date.from(clock.instant().plusSeconds(300))).build());
        }
        if (token.length() > 8192) {
            return has(StubDefect.SERVER_ERROR_ON_OVERSIZED) ? Validation.crash("oversized") : Validation.invalid("too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 3) {
            String alg = headerAlg(parts[0]);
            if (alg.equalsIgnoreCase("none")) {
                if (has(StubDefect.SERVER_ERROR_ON_ALG_NONE)) {
                    return Validation.crash("alg none");
                }
                if (has(StubDefect.ACCEPT_ALG_NONE)) {
                    return claims(parts[1]);
                }
                return Validation.invalid("unsigned");
            }
        }
        if (!token.contains(".")) {
            Optional<Validation> introspected = StubIntrospection.introspect(issuer, token, defects)
                    .map(answer -> judge(answer, audience));
            if (introspected.isPresent()) {
                return introspected.get();
            }
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return garbage("not a JWS: " + e.getMessage());
        }
        Validation signature = signature(jws);
        if (!signature.ok()) {
            return signature;
        }
        if (!has(StubDefect.IGNORE_TYP)) {
            String typ = jws.getHeader().getType() == null ? "" : jws.getHeader().getType().getType();
            boolean ok = has(StubDefect.TYP_CASE_SENSITIVE) ? typ.equals("at+jwt")
                    : has(StubDefect.JWT_TYP_ONLY) ? typ.isEmpty() || typ.equalsIgnoreCase("JWT")
                    : typ.equalsIgnoreCase("at+jwt") || typ.equalsIgnoreCase("application/at+jwt");
            if (!ok) {
                return Validation.invalid("typ");
            }
        }
        Map<String, Object> payload = jws.getPayload().toJSONObject();
        if (payload == null) {
            return garbage("payload is not a JSON object");
        }
        try {
            return claimsChecks(JWTClaimsSet.parse(payload), audience);
        } catch (ParseException e) {
            return has(StubDefect.SERVER_ERROR_ON_BAD_CLAIM_TYPE) || has(StubDefect.SERVER_ERROR_ON_GARBAGE)
                    ? Validation.crash("claims") : Validation.invalid("claims: " + e.getMessage());
        }
    }

    /** An introspection answer: the claims checks of a JWT, or the outage as the defects say. */
    private Validation judge(StubIntrospection.Answer answer, String audience) {
        if (answer.outage()) {
            introspectionFailedOnce = true;
        }
        if (introspectionFailedOnce && has(StubDefect.STAY_SHUT_AFTER_INTROSPECTION_OUTAGE)) {
            return Validation.invalid("introspection failed once; this stub never asks again");
        }
        if (answer.outage()) {
            return has(StubDefect.FAIL_OPEN_ON_INTROSPECTION_OUTAGE)
                    ? Validation.valid(new JWTClaimsSet.Builder().subject("anyone").claim("scope", StubMcpServer.BASELINE)
                            .expirationTime(Date.from(clock.instant().plusSeconds(300))).build())
                    : Validation.invalid("introspection unavailable");
        }
        try {
            return claimsChecks(JWTClaimsSet.parse(answer.claims()), audience);
        } catch (ParseException e) {
            return Validation.invalid("introspection claims: " + e.getMessage());
        }
    }

    private Validation garbage(String why) {
        return has(StubDefect.SERVER_ERROR_ON_GARBAGE) ? Validation.crash(why) : Validation.invalid(why);
    }

    private static String headerAlg(String headerPart) {
        try {
            Object alg = JSONObjectUtils.parse(new Base64URL(headerPart).decodeToString()).get("alg");
            return alg instanceof String s ? s : "";
        } catch (ParseException | RuntimeException e) {
            return "";
        }
    }

    private Validation claims(String payloadPart) {
        try {
            return claimsChecks(JWTClaimsSet.parse(new Base64URL(payloadPart).decodeToString()), resource);
        } catch (ParseException e) {
            return Validation.invalid("claims");
        }
    }

    private Validation signature(JWSObject jws) {
        if (has(StubDefect.SKIP_SIGNATURE)) {
            return Validation.valid(null);
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        String kid = jws.getHeader().getKeyID();
        if (has(StubDefect.FETCH_JKU) && jws.getHeader().getJWKURL() != null) {
            fetch(jws.getHeader().getJWKURL());
        }
        try {
            if (has(StubDefect.TRUST_EMBEDDED_JWK) && jws.getHeader().getJWK() instanceof RSAKey embedded) {
                return jws.verify(new RSASSAVerifier(embedded)) ? Validation.valid(null) : Validation.invalid("signature");
            }
            StubKeys.Lookup lookup = keys.lookup(kid);
            if (lookup.jwksDown()) {
                return has(StubDefect.FAIL_OPEN_ON_JWKS_OUTAGE) ? Validation.valid(null)
                        : has(StubDefect.SERVER_ERROR_ON_JWKS_OUTAGE) ? Validation.crash("jwks down")
                        : Validation.invalid("keys unavailable");
            }
            JWK key = lookup.key().orElse(null);
            if (JWSAlgorithm.HS256.equals(alg) && key instanceof RSAKey rsa) {
                if (has(StubDefect.HMAC_WITH_PUBLIC_KEY_PEM)) {
                    return jws.verify(new MACVerifier(dev.mcpauth.conformance.token.Forger.pem(rsa)))
                            ? Validation.valid(null) : Validation.invalid("signature");
                }
                if (has(StubDefect.HMAC_WITH_PUBLIC_KEY_JWK)) {
                    return jws.verify(new MACVerifier(rsa.toJSONString()))
                            ? Validation.valid(null) : Validation.invalid("signature");
                }
            }
            boolean rsaAlgAllowed = has(StubDefect.ANY_RSA_ALG) ? JWSAlgorithm.Family.RSA.contains(alg)
                    : JWSAlgorithm.RS256.equals(alg);
            if (!rsaAlgAllowed) {
                return Validation.invalid("alg " + alg + " not allowed");
            }
            if (!(key instanceof RSAKey rsa)) {
                return has(StubDefect.SERVER_ERROR_ON_UNKNOWN_KID) ? Validation.crash("kid") : Validation.invalid("kid");
            }
            Set<String> deferred = has(StubDefect.IGNORE_CRIT) ? Set.of("x-unknown") : Set.of();
            return jws.verify(new RSASSAVerifier(rsa.toRSAPublicKey(), deferred))
                    ? Validation.valid(null) : Validation.invalid("signature");
        } catch (JOSEException e) {
            return Validation.invalid("signature: " + e.getMessage());
        }
    }

    private static void fetch(URI url) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Validation claimsChecks(JWTClaimsSet c, String resource) throws ParseException {
        if (!has(StubDefect.IGNORE_ISSUER)) {
            String iss = c.getIssuer() == null ? "" : c.getIssuer();
            boolean ok = has(StubDefect.NORMALIZE_ISSUER_SLASH) ? strip(iss).equals(strip(issuer)) : iss.equals(issuer);
            if (!ok) {
                return Validation.invalid("iss");
            }
        }
        if (!has(StubDefect.IGNORE_AUDIENCE)) {
            List<String> aud = c.getAudience();
            boolean ok = aud.isEmpty() ? has(StubDefect.ACCEPT_MISSING_AUD)
                    : has(StubDefect.REJECT_AUD_ARRAY) ? aud.size() == 1 && sameResource(aud.get(0), resource)
                    : aud.stream().anyMatch(a -> sameResource(a, resource));
            if (!ok) {
                return Validation.invalid("aud");
            }
        }
        Object scope = c.getClaim("scope");
        if (scope != null && !(scope instanceof String) && !has(StubDefect.IGNORE_SCOPE_TYPE)) {
            return has(StubDefect.SERVER_ERROR_ON_BAD_CLAIM_TYPE) ? Validation.crash("scope") : Validation.invalid("scope");
        }
        long skew = has(StubDefect.LEEWAY_7_MINUTES) ? 420 : has(StubDefect.ZERO_LEEWAY) ? 0 : 60;
        Date now = Date.from(clock.instant());
        Date iat = c.getIssueTime();
        if (has(StubDefect.REJECT_FUTURE_IAT) && iat != null && iat.getTime() > now.getTime() + skew * 1000) {
            return Validation.invalid("iat in the future");
        }
        if (has(StubDefect.REQUIRE_ALL_CLAIMS) && (c.getSubject() == null || c.getClaim("client_id") == null
                || iat == null || c.getJWTID() == null)) {
            return Validation.invalid("sub, client_id, iat and jti are required");
        }
        Date nbf = c.getNotBeforeTime();
        if (nbf != null && !has(StubDefect.IGNORE_NBF) && nbf.getTime() > now.getTime() + skew * 1000) {
            return Validation.invalid("nbf");
        }
        Date exp = c.getExpirationTime();
        if (exp == null) {
            return has(StubDefect.ACCEPT_NO_EXP) ? Validation.valid(c) : Validation.invalid("no exp");
        }
        if (!has(StubDefect.ACCEPT_EXPIRED) && exp.getTime() + skew * 1000 < now.getTime()) {
            return new Validation(401, c, "expired", true);
        }
        return Validation.valid(c);
    }

    /** The resource, with scheme and host compared case-insensitively (RFC 3986 §6.2.2.1) unless a defect says not. */
    private boolean sameResource(String aud, String resource) {
        if (aud.equals(resource) || (has(StubDefect.ACCEPT_AUDIENCE_SLASH) && aud.equals(resource + "/"))) {
            return true;
        }
        if (has(StubDefect.EXACT_AUDIENCE_MATCH)) {
            return false;
        }
        int split = resource.indexOf('/', resource.indexOf("://") + 3);
        int cut = split < 0 ? resource.length() : split;
        return aud.length() == resource.length() && aud.substring(0, cut).equalsIgnoreCase(resource.substring(0, cut))
                && aud.substring(cut).equals(resource.substring(cut));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
