package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import java.util.List;

import static dev.mcpauth.conformance.scenario.DefectCase.in;
import static dev.mcpauth.conformance.scenario.DefectCase.of;
import static dev.mcpauth.conformance.scenario.StubDefect.*;

/** The both-ways table: each stub defect and the checks that must catch it. */
final class DefectTable {
    private static final SpecVersion V0618 = SpecVersion.V2025_06_18;
    private static final SpecVersion V2607 = SpecVersion.V2026_07_28;

    private DefectTable() {
    }

    static List<DefectCase> cases() {
        return List.of(
                // Protected Resource Metadata
                of(NO_PRM, "prm-served", "F", "missing-token-resource-metadata-resolves", "F").cascading(),
                of(PRM_REQUIRES_TOKEN, "prm-served", "F", "prm-no-token-required", "F",
                        "missing-token-resource-metadata-resolves", "F").cascading(),
                of(PRM_TEXT_PLAIN, "prm-json-object", "F"),
                of(PRM_EMPTY_ARRAY, "prm-no-empty-values", "W"),
                of(PRM_RESOURCE_TRAILING_SLASH, "prm-resource-matches-location", "F", "prm-resource-equals-target", "F",
                        "missing-token-resource-metadata-resolves", "F"),
                of(PRM_NO_AUTH_SERVERS, "prm-authorization-servers", "F", "prm-no-empty-values", "W",
                        "prm-authorization-servers-discoverable", "U"),
                of(PRM_AS_ISSUER_MISMATCH, "prm-authorization-servers-discoverable", "F"),
                of(PRM_NO_SCOPES, "prm-scopes-supported", "W"),
                of(PRM_BEARER_QUERY, "prm-bearer-methods", "W"),
                of(ROOT_PRM_WITH_PATH_RESOURCE, "prm-root-consistent", "F"),
                // the no-credentials challenge
                of(MISSING_TOKEN_403, "missing-token-status-401", "F"),
                of(NO_WWW_AUTHENTICATE, "missing-token-bearer-challenge", "F",
                        "challenge-syntax-parses-strictly", "F").cascading(),
                of(ERROR_ON_MISSING_TOKEN, "missing-token-no-error", "W", "query-token-no-error", "W",
                        "malformed-credentials-basic-scheme-no-error", "W"),
                in(V0618, NO_RESOURCE_METADATA, "missing-token-discovery-hint", "F",
                        "missing-token-resource-metadata-resolves", "U", "challenge-syntax-resource-metadata-every-401", "F",
                        "challenge-syntax-resource-metadata-absolute", "I"),
                of(NO_RESOURCE_METADATA, "missing-token-resource-metadata-resolves", "I",
                        "challenge-syntax-resource-metadata-every-401", "I", "challenge-syntax-resource-metadata-absolute", "I"),
                of(RESOURCE_METADATA_WRONG_URL, "missing-token-resource-metadata-resolves", "F"),
                of(RELATIVE_RESOURCE_METADATA, "missing-token-resource-metadata-resolves", "F",
                        "challenge-syntax-resource-metadata-absolute", "F"),
                of(NO_SCOPE_IN_CHALLENGE, "missing-token-scope", "W"),
                in(V0618, NO_SCOPE_IN_CHALLENGE, "missing-token-scope", "I"),
                // challenge syntax
                of(GET_NO_AUTH_CHECK, "challenge-syntax-get-401", "F"),
                of(DELETE_NO_AUTH_CHECK, "challenge-syntax-delete-401", "F"),
                of(UNPARSEABLE_CHALLENGE, "challenge-syntax-parses-strictly", "F",
                        "challenge-syntax-resource-metadata-absolute", "I", "missing-token-bearer-challenge", "F").cascading(),
                of(BASIC_CHALLENGE_FIRST, "challenge-syntax-bearer-first", "W"),
                of(DUPLICATE_PARAM, "challenge-syntax-params-unique", "F"),
                of(UNQUOTED_PARAMS, "challenge-syntax-values-quoted", "F"),
                of(BAD_ERROR_DESCRIPTION_CHARS, "challenge-syntax-value-charset", "F"),
                of(SECOND_BEARER_BAD_CHARS, "challenge-syntax-value-charset", "F"),
                of(TOKEN_QUOTED_IN_CHALLENGE, "challenge-syntax-value-charset", "F", "challenge-syntax-no-token-echo", "W",
                        "token-hygiene-no-echo", "W"),
                in(V0618, NO_RESOURCE_METADATA_ON_INVALID_TOKEN, "challenge-syntax-resource-metadata-every-401", "F"),
                of(NO_RESOURCE_METADATA_ON_INVALID_TOKEN, "challenge-syntax-resource-metadata-every-401", "I"),
                of(ECHO_TOKEN, "challenge-syntax-no-token-echo", "W", "token-hygiene-no-echo", "W"),
                of(STACK_TRACE_BODY, "challenge-syntax-no-stack-trace", "W"),
                // the positive control
                of(REJECT_ALL_TOKENS, "valid-token-initialize", "F", "expired-token-status-401", "U").cascading(),
                of(TOOLS_LIST_BROKEN, "valid-token-tools-list", "F", "valid-token-tools-call", "U"),
                of(TOOLS_CALL_UNAUTHORIZED, "valid-token-tools-call", "F"),
                of(CASE_SENSITIVE_SCHEME, "valid-token-lowercase-bearer", "F", "valid-token-uppercase-bearer", "F"),
                of(SINGLE_SPACE_ONLY, "valid-token-extra-spaces", "I"),
                of(GET_REJECTS_VALID_TOKEN, "valid-token-get", "F"),
                of(DELETE_REJECTS_VALID_TOKEN, "valid-token-delete", "F"),
                // expiry
                of(ACCEPT_EXPIRED, "expired-token-status-401", "F", "expired-token-error-invalid-token", "W",
                        "expired-token-bearer-challenge", "F", "expired-token-beyond-leeway", "F",
                        "expired-token-no-tool-result", "F", "insufficient-scope-invalid-token-wins", "F"),
                of(NO_ERROR_CODE_ON_INVALID_TOKEN, "expired-token-error-invalid-token", "W",
                        "wrong-audience-error-invalid-token", "W", "bad-signature-error-invalid-token", "W",
                        "non-jwt-token-error-invalid-token", "W"),
                of(NO_CHALLENGE_ON_INVALID_TOKEN, "expired-token-bearer-challenge", "F",
                        "expired-token-error-invalid-token", "W"),
                of(LEEWAY_7_MINUTES, "expired-token-beyond-leeway", "F"),
                of(ZERO_LEEWAY, "expired-token-within-leeway", "I"),
                of(DATA_IN_REJECTION, "expired-token-no-tool-result", "F"),
                // audience
                of(IGNORE_AUDIENCE, "wrong-audience-status-401", "F", "wrong-audience-error-invalid-token", "W",
                        "wrong-audience-missing-aud", "F", "wrong-audience-other-api", "F", "wrong-audience-id-token", "F"),
                of(ACCEPT_MISSING_AUD, "wrong-audience-missing-aud", "F"),
                of(REJECT_AUD_ARRAY, "wrong-audience-array-with-target", "I"),
                of(EXACT_AUDIENCE_MATCH, "wrong-audience-resource-variants", "I"),
                of(RESOURCE_FROM_HOST, "forged-host-token-refused", "F", "forged-host-resource-metadata", "W"),
                // scope
                of(INSUFFICIENT_SCOPE_401, "insufficient-scope-status-403", "F", "scope-challenge-resource-403", "F",
                        "scope-challenge-prompt-403", "F", "scope-challenge-tool-every-scope", "U",
                        "scope-challenge-resource-every-scope", "U", "scope-challenge-prompt-every-scope", "U"),
                of(INSUFFICIENT_SCOPE_IN_BAND, "insufficient-scope-status-403", "F", "insufficient-scope-error", "W",
                        "insufficient-scope-scope-param", "W", "insufficient-scope-resource-metadata", "W"),
                of(INSUFFICIENT_SCOPE_RPC_ERROR, "insufficient-scope-status-403", "F", "insufficient-scope-error", "W",
                        "insufficient-scope-scope-param", "W", "insufficient-scope-resource-metadata", "W"),
                of(INSUFFICIENT_SCOPE_NO_ERROR, "insufficient-scope-error", "W"),
                of(INSUFFICIENT_SCOPE_NO_SCOPE, "insufficient-scope-scope-param", "W"),
                in(V0618, INSUFFICIENT_SCOPE_NO_SCOPE, "insufficient-scope-scope-param", "I"),
                of(INSUFFICIENT_SCOPE_NO_RESOURCE_METADATA, "insufficient-scope-resource-metadata", "W"),
                of(CHALLENGE_NAMES_WRONG_SCOPE, "insufficient-scope-step-up", "W", "scope-challenge-tool-every-scope", "W",
                        "scope-challenge-resource-every-scope", "W", "scope-challenge-prompt-every-scope", "W"),
                of(INCONSISTENT_CHALLENGE, "insufficient-scope-consistent", "W"),
                of(CHECK_SCOPE_BEFORE_EXPIRY, "insufficient-scope-invalid-token-wins", "F"),
                // scope challenges beyond tools (SEP-2350)
                of(RESOURCE_READ_UNSCOPED, "scope-challenge-resource-403", "F", "scope-challenge-resource-every-scope", "U"),
                in(V0618, RESOURCE_READ_UNSCOPED, "scope-challenge-resource-403", "F"),
                of(RESOURCE_CHALLENGE_METHOD_SCOPE, "scope-challenge-resource-every-scope", "W"),
                in(V2607, RESOURCE_CHALLENGE_METHOD_SCOPE, "scope-challenge-resource-every-scope", "F"),
                of(PROMPT_ONE_SCOPE_AT_A_TIME, "scope-challenge-prompt-every-scope", "W"),
                in(V2607, PROMPT_ONE_SCOPE_AT_A_TIME, "scope-challenge-prompt-every-scope", "F"),
                // signatures and keys
                of(SKIP_SIGNATURE, "bad-signature-flipped-byte", "F", "bad-signature-error-invalid-token", "W",
                        "bad-signature-hs256-public-key-pem", "F", "bad-signature-hs256-public-key-jwk", "F",
                        "bad-signature-other-rsa-alg", "F", "bad-signature-embedded-jwk", "F", "bad-signature-jku", "F",
                        "bad-signature-unknown-kid", "F"),
                of(HMAC_WITH_PUBLIC_KEY_PEM, "bad-signature-hs256-public-key-pem", "F"),
                of(HMAC_WITH_PUBLIC_KEY_JWK, "bad-signature-hs256-public-key-jwk", "F"),
                of(ANY_RSA_ALG, "bad-signature-other-rsa-alg", "F"),
                of(TRUST_EMBEDDED_JWK, "bad-signature-embedded-jwk", "F"),
                of(FETCH_JKU, "bad-signature-jku", "F"),
                of(SERVER_ERROR_ON_UNKNOWN_KID, "bad-signature-unknown-kid", "F", "bad-signature-embedded-jwk", "F",
                        "bad-signature-jku", "F"),
                of(ACCEPT_ALG_NONE, "alg-none-lowercase", "F", "alg-none-capitalized", "F", "alg-none-uppercase", "F"),
                of(SERVER_ERROR_ON_ALG_NONE, "alg-none-lowercase", "F", "alg-none-capitalized", "F",
                        "alg-none-uppercase", "F"),
                // issuer
                of(IGNORE_ISSUER, "wrong-issuer-other-issuer", "F", "wrong-issuer-trailing-slash", "F"),
                of(NORMALIZE_ISSUER_SLASH, "wrong-issuer-trailing-slash", "F"),
                // claims
                of(IGNORE_NBF, "token-claims-future-nbf", "F"),
                of(ACCEPT_NO_EXP, "token-claims-no-exp", "F"),
                of(SERVER_ERROR_ON_BAD_CLAIM_TYPE, "token-claims-non-numeric-exp", "F",
                        "token-claims-non-numeric-nbf", "F", "token-claims-numeric-aud", "F",
                        "token-claims-numeric-scope", "F"),
                of(IGNORE_SCOPE_TYPE, "token-claims-numeric-scope", "W"),
                of(REJECT_FUTURE_IAT, "token-claims-future-iat", "I"),
                of(REQUIRE_ALL_CLAIMS, "token-claims-missing-optional-claims", "I"),
                of(IGNORE_CRIT, "token-claims-unknown-crit", "F"),
                of(IGNORE_TYP, "token-claims-wrong-typ", "W", "token-claims-missing-typ", "W"),
                of(TYP_CASE_SENSITIVE, "token-claims-typ-case-insensitive", "I"),
                of(JWT_TYP_ONLY, "access-token-typ-rfc9068-accepted", "W", "token-claims-wrong-typ", "W",
                        "token-claims-missing-typ", "W", "token-claims-typ-case-insensitive", "I"),
                // not JWTs
                of(SERVER_ERROR_ON_GARBAGE, "non-jwt-token-random-opaque", "F", "non-jwt-token-error-invalid-token", "W",
                        "non-jwt-token-single-char", "F", "non-jwt-token-random-4kb", "F", "non-jwt-token-two-parts", "F",
                        "non-jwt-token-four-parts", "F", "non-jwt-token-five-parts", "F", "non-jwt-token-bad-base64url", "F",
                        "non-jwt-token-non-json-header", "F", "non-jwt-token-array-payload", "F"),
                of(SERVER_ERROR_ON_OVERSIZED, "non-jwt-token-oversized", "W"),
                of(HANG_UP_AFTER_OVERSIZED, "non-jwt-token-oversized", "W"),
                // where the token travels
                of(ACCEPT_QUERY_TOKEN, "query-token-ignored", "F", "query-token-no-error", "U"),
                of(PREFER_QUERY_TOKEN, "query-token-with-garbage-header", "F"),
                of(ACCEPT_FORM_TOKEN, "query-token-form-body", "W"),
                of(BASIC_GETS_400, "malformed-credentials-basic-scheme-401", "F",
                        "malformed-credentials-basic-scheme-no-error", "U"),
                of(ACCEPT_BARE_TOKEN, "malformed-credentials-bare-token", "F"),
                of(SERVER_ERROR_ON_EMPTY_BEARER, "malformed-credentials-empty-bearer", "F"),
                of(LENIENT_TOKEN_WHITESPACE, "malformed-credentials-space-inside", "F"),
                of(FIRST_WORD_ONLY, "malformed-credentials-trailing-word", "F"),
                of(STRIP_TRAILING_JUNK, "malformed-credentials-non-token68", "F"),
                of(FIRST_AUTHORIZATION_WINS, "malformed-credentials-duplicate-authorization", "F"),
                // sessions and transport
                of(SESSION_AS_AUTH, "session-binding-no-token", "F", "session-binding-bad-token", "F",
                        "session-binding-other-user", "W"),
                of(SESSION_NOT_BOUND, "session-binding-other-user", "W"),
                of(NO_ORIGIN_CHECK, "transport-security-bad-origin", "F"),
                in(V0618, NO_ORIGIN_CHECK, "transport-security-bad-origin", "F"),
                of(NO_PROTOCOL_VERSION_CHECK, "transport-security-bad-protocol-version", "F"),
                of(ORIGIN_REJECTED_WITH_400, "transport-security-bad-origin", "F",
                        "transport-security-bad-origin-no-token", "F"),
                of(PLAIN_HTTP, "https-endpoint", "W", "https-metadata", "W"),
                in(V0618, PLAIN_HTTP, "https-endpoint", "W", "https-metadata", "W"),
                // browsers
                of(PREFLIGHT_REQUIRES_AUTH, "cors-preflight-no-401", "I", "cors-preflight-allows-authorization", "I"),
                of(PREFLIGHT_WITHOUT_AUTHORIZATION, "cors-preflight-allows-authorization", "I"),
                of(NO_EXPOSE_HEADERS, "cors-exposes-www-authenticate", "I"),
                of(PRM_NO_CORS, "cors-prm-readable", "I"),
                // key lifecycle (the suite issuer rotates its key and takes its JWKS down)
                of(STATIC_KEYS, "key-lifecycle-rotation-new-key", "W"),
                of(DROP_OLD_KEYS, "key-lifecycle-rotation-old-key", "W"),
                of(NO_KEY_CACHE, "key-lifecycle-outage-cached-key", "I"),
                of(FAIL_OPEN_ON_JWKS_OUTAGE, "key-lifecycle-outage-bad-signature", "F",
                        "key-lifecycle-outage-unknown-kid", "F"),
                of(SERVER_ERROR_ON_JWKS_OUTAGE, "key-lifecycle-outage-unknown-kid", "F"),
                // grey box (the harness wires a log file and the mock upstream)
                of(FORWARD_TOKEN, "token-passthrough-not-forwarded", "F"),
                of(LOG_TOKENS, "token-hygiene-server-log", "F", "valid-token-initialize", "OK"),
                // 2026-07-28: the stateless transport and its scope rules
                in(V2607, STATELESS_SESSION_ID, "stateless-no-session-id", "W"),
                in(V2607, PUBLIC_DISCOVER, "stateless-discover-needs-token", "I"),
                in(V2607, STATELESS_GET_ALLOWED, "stateless-get-delete-405", "W"),
                in(V2607, PUBLIC_CACHE_FOR_USER_DATA, "stateless-public-cache-same-for-all", "W"),
                in(V2607, NO_HEADER_VALIDATION, "header-validation-missing-method", "F",
                        "header-validation-method-mismatch", "F", "header-validation-name-mismatch", "F",
                        "header-validation-missing-protocol-version", "F"),
                in(V2607, LEGACY_VERSION_ERROR, "header-validation-unsupported-version", "F"),
                in(V2607, NO_HIERARCHY, "scope-hierarchy-broader-scope-suffices", "F"),
                in(V2607, OFFLINE_ACCESS_ADVERTISED, "prm-no-offline-access", "W", "missing-token-no-offline-access", "W"),
                in(V2607, CHALLENGE_NAMES_WRONG_SCOPE, "insufficient-scope-step-up", "F", "scope-challenge-tool-every-scope", "F",
                        "scope-challenge-resource-every-scope", "F", "scope-challenge-prompt-every-scope", "F"),
                in(V2607, ACCEPT_EXPIRED, "expired-token-status-401", "F", "expired-token-error-invalid-token", "W",
                        "expired-token-bearer-challenge", "F", "expired-token-beyond-leeway", "F",
                        "expired-token-no-tool-result", "F"));
    }
}
