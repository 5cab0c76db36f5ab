package dev.mcpauth.conformance.token;

/**
 * Every way the suite breaks (or bends) an otherwise good access token. Each constant says
 * what it needs, so the factory can tell which ones an operator-token run can still make.
 */
public enum TokenMutation {
    EXPIRED(Needs.ISSUER_KEY, "exp 10 minutes in the past"),
    EXPIRED_BEYOND_LEEWAY(Needs.ISSUER_KEY, "exp 6 minutes in the past (beyond any reasonable leeway)"),
    EXPIRED_WITHIN_LEEWAY(Needs.ISSUER_KEY, "exp 30 seconds in the past (within a small leeway)"),
    FUTURE_NBF(Needs.ISSUER_KEY, "nbf 10 minutes in the future"),
    FUTURE_IAT(Needs.ISSUER_KEY, "iat 1 hour in the future"),
    NO_EXP(Needs.ISSUER_KEY, "no exp claim"),
    NON_NUMERIC_EXP(Needs.ISSUER_KEY, "exp is the string \"tomorrow\""),
    NON_NUMERIC_NBF(Needs.ISSUER_KEY, "nbf is the string \"yesterday\""),
    NUMERIC_AUD(Needs.ISSUER_KEY, "aud is the number 12345"),
    NUMERIC_SCOPE(Needs.ISSUER_KEY, "scope is the number 42"),
    MISSING_OPTIONAL_CLAIMS(Needs.ISSUER_KEY, "no sub, client_id, iat or jti"),
    WRONG_AUDIENCE(Needs.ISSUER_KEY, "aud https://other.test/mcp"),
    OTHER_API_AUDIENCE(Needs.ISSUER_KEY, "aud https://api.github.com (a token for another API)"),
    CLIENT_ID_AUDIENCE(Needs.ISSUER_KEY, "shaped like an ID token: aud and azp are the client id, with nonce and auth_time"),
    MISSING_AUDIENCE(Needs.ISSUER_KEY, "no aud claim"),
    AUDIENCE_ARRAY_WITH_TARGET(Needs.ISSUER_KEY, "aud [https://other.test/mcp, <target>]"),
    AUDIENCE_UPPERCASE(Needs.ISSUER_KEY, "aud is the target with upper-case scheme and host"),
    AUDIENCE_TRAILING_SLASH(Needs.ISSUER_KEY, "aud is the target with a trailing slash"),
    FORGED_HOST_AUDIENCE(Needs.ISSUER_KEY, "aud is the target's path on host evil.test (http and https)"),
    WRONG_ISSUER(Needs.ISSUER_KEY, "iss https://evil.test"),
    ISSUER_TRAILING_SLASH(Needs.ISSUER_KEY, "iss with a trailing slash added"),
    OTHER_SUBJECT(Needs.ISSUER_KEY, "a valid token for another user and client"),
    WRONG_TYP(Needs.ISSUER_KEY, "typ JWT instead of at+jwt"),
    MISSING_TYP(Needs.ISSUER_KEY, "no typ header"),
    TYP_AT_JWT_UPPERCASE(Needs.ISSUER_KEY, "typ at+JWT (same media type, other case)"),
    UNKNOWN_CRIT(Needs.ISSUER_KEY, "crit [\"x-unknown\"]"),
    RS384_SAME_KEY(Needs.ISSUER_KEY, "alg RS384 signed with the RS256 key"),
    PS256_SAME_KEY(Needs.ISSUER_KEY, "alg PS256 signed with the RS256 key"),
    UNKNOWN_KID(Needs.ISSUER_KEY, "kid zzz"),
    KID_PATH_TRAVERSAL(Needs.ISSUER_KEY, "kid ../../etc/passwd"),
    KID_SQL_INJECTION(Needs.ISSUER_KEY, "kid ' OR 1=1--"),
    ARRAY_PAYLOAD(Needs.ISSUER_KEY, "a validly signed JWS whose payload is a JSON array"),
    HS256_PUBLIC_KEY_PEM(Needs.ISSUER_PUBLIC_KEY, "HS256 keyed with the issuer's public key as PEM, kid of that key"),
    HS256_PUBLIC_KEY_JWK(Needs.ISSUER_PUBLIC_KEY, "HS256 keyed with the issuer's public key as JWK JSON, kid of that key"),
    FLIPPED_SIGNATURE(Needs.GOOD_JWT, "one bit of the signature flipped"),
    ALG_NONE(Needs.CLAIMS, "alg none, empty signature"),
    ALG_NONE_CAPITALIZED(Needs.CLAIMS, "alg None, empty signature"),
    ALG_NONE_UPPERCASE(Needs.CLAIMS, "alg NONE, empty signature"),
    EMBEDDED_JWK(Needs.CLAIMS, "signed by an attacker key that is embedded in the jwk header"),
    JKU_ATTACKER(Needs.CLAIMS, "signed by an attacker key published at the jku URL"),
    TWO_PARTS(Needs.GOOD_JWT, "header.payload, no signature part"),
    FOUR_PARTS(Needs.GOOD_JWT, "a fourth part appended"),
    BAD_BASE64URL(Needs.GOOD_JWT, "header part with characters outside base64url"),
    NON_JSON_HEADER(Needs.GOOD_JWT, "header part that decodes to text, not JSON"),
    FIVE_PARTS(Needs.NOTHING, "five parts, like a JWE nobody agreed to"),
    RANDOM_OPAQUE(Needs.NOTHING, "32 random bytes, base64url"),
    SINGLE_CHAR(Needs.NOTHING, "a one-character token"),
    RANDOM_4KB(Needs.NOTHING, "4 KB of random token68 characters"),
    OVERSIZED_64KB(Needs.NOTHING, "64 KB of random token68 characters");

    /** What a mutation needs from the run. */
    public enum Needs {
        /** the trusted issuer's private key (issuer mode only) */
        ISSUER_KEY,
        /** the trusted issuer's public key */
        ISSUER_PUBLIC_KEY,
        /** a good JWT to damage (an operator token works if it is a JWT) */
        GOOD_JWT,
        /** good claims to re-sign or leave unsigned (an operator JWT works) */
        CLAIMS,
        NOTHING
    }

    private final Needs needs;
    private final String description;

    TokenMutation(Needs needs, String description) {
        this.needs = needs;
        this.description = description;
    }

    public Needs needs() {
        return needs;
    }

    public String description() {
        return description;
    }
}
