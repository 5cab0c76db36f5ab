package dev.mcpauth.conformance.token;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header and claim edits of the mutations the trusted issuer signs ({@link TokenMutation.Needs#ISSUER_KEY}). */
final class SignedMutations {
    static final String FORGED_HOST = "evil.test";

    private SignedMutations() {
    }

    /** Edits the good header and claims in place as the mutation says. */
    static void apply(TokenMutation m, Map<String, Object> h, Map<String, Object> c, IssuerTokens.Template t,
                      Instant now) {
        switch (m) {
            case EXPIRED -> expiry(c, now, Duration.ofMinutes(10));
            case EXPIRED_BEYOND_LEEWAY -> expiry(c, now, Duration.ofMinutes(6));
            case EXPIRED_WITHIN_LEEWAY -> expiry(c, now, Duration.ofSeconds(30));
            case FUTURE_NBF -> c.put("nbf", now.plus(Duration.ofMinutes(10)).getEpochSecond());
            case FUTURE_IAT -> c.put("iat", now.plus(Duration.ofHours(1)).getEpochSecond());
            case NO_EXP -> c.remove("exp");
            case NON_NUMERIC_EXP -> c.put("exp", "tomorrow");
            case NON_NUMERIC_NBF -> c.put("nbf", "yesterday");
            case NUMERIC_AUD -> c.put("aud", 12345);
            case NUMERIC_SCOPE -> c.put("scope", 42);
            case MISSING_OPTIONAL_CLAIMS -> List.of("sub", "client_id", "iat", "jti").forEach(c::remove);
            case WRONG_AUDIENCE -> c.put("aud", IssuerTokens.WRONG_AUDIENCE);
            case OTHER_API_AUDIENCE -> c.put("aud", IssuerTokens.OTHER_API_AUDIENCE);
            case CLIENT_ID_AUDIENCE -> idToken(c, t, now);
            case MISSING_AUDIENCE -> c.remove("aud");
            case AUDIENCE_ARRAY_WITH_TARGET -> c.put("aud", List.of(IssuerTokens.WRONG_AUDIENCE, t.audience()));
            case AUDIENCE_UPPERCASE -> c.put("aud", upperCaseOrigin(t.audience()));
            case AUDIENCE_TRAILING_SLASH -> c.put("aud", t.audience() + "/");
            case FORGED_HOST_AUDIENCE -> c.put("aud", forgedHostAudiences(t.audience()));
            case WRONG_ISSUER -> c.put("iss", IssuerTokens.WRONG_ISSUER);
            case ISSUER_TRAILING_SLASH -> c.put("iss", t.issuer() + "/");
            case OTHER_SUBJECT -> {
                c.put("sub", IssuerTokens.OTHER_SUBJECT);
                c.put("client_id", IssuerTokens.OTHER_SUBJECT);
            }
            case WRONG_TYP -> h.put("typ", "JWT");
            case MISSING_TYP -> h.remove("typ");
            case TYP_AT_JWT_UPPERCASE -> h.put("typ", "at+JWT");
            case UNKNOWN_CRIT -> {
                h.put("crit", List.of("x-unknown"));
                h.put("x-unknown", true);
            }
            case RS384_SAME_KEY -> h.put("alg", "RS384");
            case PS256_SAME_KEY -> h.put("alg", "PS256");
            case UNKNOWN_KID -> h.put("kid", "zzz");
            case KID_PATH_TRAVERSAL -> h.put("kid", "../../etc/passwd");
            case KID_SQL_INJECTION -> h.put("kid", "' OR 1=1--");
            default -> throw new IllegalArgumentException(m + " is not an issuer-signed mutation");
        }
    }

    private static void expiry(Map<String, Object> c, Instant now, Duration ago) {
        c.put("iat", now.minus(ago).minus(Duration.ofMinutes(5)).getEpochSecond());
        c.put("exp", now.minus(ago).getEpochSecond());
    }

    /** The shape of an OpenID Connect ID token: aud is the client, with nonce, auth_time and azp. */
    private static void idToken(Map<String, Object> c, IssuerTokens.Template t, Instant now) {
        c.put("aud", t.clientId());
        c.put("azp", t.clientId());
        c.put("nonce", "n-0S6_WzA2Mj");
        c.put("auth_time", now.minus(Duration.ofMinutes(1)).getEpochSecond());
        c.remove("scope");
    }

    /** {@code https://h/mcp} → {@code HTTPS://H/mcp}: scheme and host upper-cased, the rest as is. */
    static String upperCaseOrigin(String resource) {
        URI u = URI.create(resource);
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        return origin.toUpperCase(Locale.ROOT) + resource.substring(origin.length());
    }

    /** The target's path on the forged host, under http and https: what a server trusting Host would expect. */
    static List<String> forgedHostAudiences(String resource) {
        String path = URI.create(resource).getRawPath();
        String p = path == null ? "" : path;
        return List.of("http://" + FORGED_HOST + p, "https://" + FORGED_HOST + p);
    }
}
