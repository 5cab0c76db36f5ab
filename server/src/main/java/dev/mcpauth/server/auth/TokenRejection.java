package dev.mcpauth.server.auth;

/**
 * Why a presented token was refused. The description is fixed text for {@code error_description}
 * (never claim values, never the token: RS-23); the code is what the decision log and the
 * counters use.
 */
public enum TokenRejection {
    MALFORMED("malformed", "token malformed"),
    ENCRYPTED("encrypted", "encrypted tokens are not accepted"),
    ALGORITHM_NOT_ALLOWED("alg_not_allowed", "token algorithm not allowed"),
    UNSUPPORTED_CRITICAL_HEADER("unsupported_crit", "token has an unsupported critical header"),
    UNSUPPORTED_TYPE("unsupported_type", "unsupported token type"),
    UNKNOWN_KEY("unknown_key", "unknown signing key"),
    BAD_SIGNATURE("bad_signature", "token signature invalid"),
    MISSING_EXPIRY("missing_exp", "token has no expiry"),
    EXPIRED("expired", "token expired"),
    NOT_YET_VALID("not_yet_valid", "token not yet valid"),
    ISSUER_MISMATCH("issuer_mismatch", "token issuer mismatch"),
    AUDIENCE_MISMATCH("audience_mismatch", "token audience mismatch"),
    MISSING_SUBJECT("missing_sub", "token has no subject"),
    /** A scope claim in a shape no provider sends ({@link ScopeClaims}). */
    UNUSABLE_SCOPE_CLAIM("unusable_scope_claim", "token scope claim unusable"),
    /** RFC 7662: the authorization server says the token is not active (revoked, unknown, expired). */
    INACTIVE("inactive", "token not active"),
    /** The introspection endpoint cannot be reached or answers no usable document: fail closed with 503 (RS-61). */
    INTROSPECTION_UNAVAILABLE("introspection_unavailable", "token introspection unavailable"),
    /** The keys cannot be fetched and none are cached: fail closed with 503 (RS-61). */
    KEYS_UNAVAILABLE("keys_unavailable", "signing keys unavailable");

    private final String code;
    private final String description;

    TokenRejection(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Whether the fault is on the authorization server's side, so the answer is 503, not 401. */
    public boolean unavailable() {
        return this == KEYS_UNAVAILABLE || this == INTROSPECTION_UNAVAILABLE;
    }
}
