package dev.mcpauth.conformance.scenario;

/**
 * Ways to break the stub MCP server, each in exactly one respect, so a test can show that the
 * check meant to catch it does (and that the others keep passing).
 */
enum StubDefect {
    // Protected Resource Metadata
    NO_PRM, PRM_REQUIRES_TOKEN, PRM_TEXT_PLAIN, PRM_EMPTY_ARRAY, PRM_RESOURCE_TRAILING_SLASH, PRM_NO_AUTH_SERVERS,
    PRM_AS_ISSUER_MISMATCH, PRM_NO_SCOPES, PRM_BEARER_QUERY, ROOT_PRM_WITH_PATH_RESOURCE,
    // the no-credentials challenge
    MISSING_TOKEN_403, NO_WWW_AUTHENTICATE, ERROR_ON_MISSING_TOKEN, NO_RESOURCE_METADATA, RESOURCE_METADATA_WRONG_URL,
    RELATIVE_RESOURCE_METADATA, NO_SCOPE_IN_CHALLENGE,
    // challenge formatting (every challenge)
    UNPARSEABLE_CHALLENGE, BASIC_CHALLENGE_FIRST, DUPLICATE_PARAM,
    // the invalid-token challenge
    UNQUOTED_PARAMS, BAD_ERROR_DESCRIPTION_CHARS, NO_RESOURCE_METADATA_ON_INVALID_TOKEN, NO_ERROR_CODE_ON_INVALID_TOKEN,
    NO_CHALLENGE_ON_INVALID_TOKEN, ECHO_TOKEN, STACK_TRACE_BODY, SECOND_BEARER_BAD_CHARS,
    TOKEN_QUOTED_IN_CHALLENGE,
    // methods
    GET_NO_AUTH_CHECK, DELETE_NO_AUTH_CHECK, GET_REJECTS_VALID_TOKEN, DELETE_REJECTS_VALID_TOKEN,
    // the positive path
    REJECT_ALL_TOKENS, TOOLS_LIST_BROKEN, TOOLS_CALL_UNAUTHORIZED, CASE_SENSITIVE_SCHEME, SINGLE_SPACE_ONLY,
    // token validation
    ACCEPT_EXPIRED, LEEWAY_7_MINUTES, IGNORE_AUDIENCE, ACCEPT_MISSING_AUD, REJECT_AUD_ARRAY, IGNORE_ISSUER,
    NORMALIZE_ISSUER_SLASH, SKIP_SIGNATURE, HMAC_WITH_PUBLIC_KEY_PEM, HMAC_WITH_PUBLIC_KEY_JWK, ANY_RSA_ALG,
    TRUST_EMBEDDED_JWK, FETCH_JKU, SERVER_ERROR_ON_UNKNOWN_KID, ACCEPT_ALG_NONE, SERVER_ERROR_ON_ALG_NONE, IGNORE_NBF,
    ACCEPT_NO_EXP, SERVER_ERROR_ON_BAD_CLAIM_TYPE, IGNORE_CRIT, IGNORE_TYP, TYP_CASE_SENSITIVE, SERVER_ERROR_ON_GARBAGE,
    SERVER_ERROR_ON_OVERSIZED,
    // typ: only JWT or no typ accepted, at+jwt refused (Spring Security's default JWT decoder)
    JWT_TYP_ONLY,
    // scope
    INSUFFICIENT_SCOPE_401, INSUFFICIENT_SCOPE_NO_ERROR, INSUFFICIENT_SCOPE_NO_SCOPE,
    // insufficient scope refused inside a 200: a tool result with isError (Spring AI + mcp-server-security),
    // or a JSON-RPC error -32001 (Quarkus MCP server with annotation security)
    INSUFFICIENT_SCOPE_IN_BAND, INSUFFICIENT_SCOPE_RPC_ERROR,
    INSUFFICIENT_SCOPE_NO_RESOURCE_METADATA, CHALLENGE_NAMES_WRONG_SCOPE, INCONSISTENT_CHALLENGE,
    CHECK_SCOPE_BEFORE_EXPIRY,
    // scope challenges beyond tools (SEP-2350): resources/read ignores the resource's scope; its 403 names only the
    // method's baseline scope; prompts/get's 403 names one missing scope at a time
    RESOURCE_READ_UNSCOPED, RESOURCE_CHALLENGE_METHOD_SCOPE, PROMPT_ONE_SCOPE_AT_A_TIME,
    // where the token is taken from
    ACCEPT_QUERY_TOKEN, PREFER_QUERY_TOKEN, ACCEPT_FORM_TOKEN, BASIC_GETS_400, ACCEPT_BARE_TOKEN,
    SERVER_ERROR_ON_EMPTY_BEARER, LENIENT_TOKEN_WHITESPACE, FIRST_WORD_ONLY, STRIP_TRAILING_JUNK, FIRST_AUTHORIZATION_WINS,
    // sessions and transport
    SESSION_AS_AUTH, SESSION_NOT_BOUND, NO_ORIGIN_CHECK, NO_PROTOCOL_VERSION_CHECK,
    // browsers
    PREFLIGHT_REQUIRES_AUTH, PRM_NO_CORS, NO_EXPOSE_HEADERS, PREFLIGHT_WITHOUT_AUTHORIZATION,
    // transport: plain http (the correct stub serves https), Origin refused with 400, resource taken from Host
    PLAIN_HTTP, ORIGIN_REJECTED_WITH_400, RESOURCE_FROM_HOST,
    // audience spellings and claims a server may judge either way (INFO checks)
    EXACT_AUDIENCE_MATCH, ZERO_LEEWAY, REJECT_FUTURE_IAT, REQUIRE_ALL_CLAIMS,
    // not defects: variants whose outcome an INFO check records in its details
    ACCEPT_AUDIENCE_SLASH,
    // not defects: tools/list without declared scopes (the suite must call no tool), or with
    // read-only annotations on whoami and server_status; both also list a side-effecting reset_everything
    UNDECLARED_TOOLS, READ_ONLY_TOOLS,
    // not a defect: a 64 KB Authorization closes the connection without a response (a clean refusal);
    // the defect: the stub then stops answering altogether
    RESET_ON_OVERSIZED, HANG_UP_AFTER_OVERSIZED,
    // a refused call still runs and returns its result
    DATA_IN_REJECTION,
    // keys: never refetched, old ones dropped, no cache, fail open or crash when the JWKS is down
    STATIC_KEYS, DROP_OLD_KEYS, NO_KEY_CACHE, FAIL_OPEN_ON_JWKS_OUTAGE, SERVER_ERROR_ON_JWKS_OUTAGE,
    // grey box: the client's token sent upstream, or written to the log
    FORWARD_TOKEN, LOG_TOKENS,
    // 2026-07-28: sessions minted, GET served, headers not checked, the old version error, user data
    // marked public, no scope hierarchy, offline_access advertised, server/discover served without a token
    STATELESS_SESSION_ID, STATELESS_GET_ALLOWED, NO_HEADER_VALIDATION, LEGACY_VERSION_ERROR,
    PUBLIC_CACHE_FOR_USER_DATA, NO_HIERARCHY, OFFLINE_ACCESS_ADVERTISED, PUBLIC_DISCOVER,
    // the PRM names an authorization server whose metadata cannot be fetched (a closed port): the
    // suite cannot find the AS's public key black-box, so operator-mode HS256 checks are untestable
    AS_METADATA_UNREACHABLE,
    // the protected non-MCP endpoint /api/items (--also-protect): no-token 403, a broken extra challenge line,
    // a PRM resource that does not cover the URL, a PRM only off its well-known URL, 500 on a malformed token,
    // tokens for /mcp accepted, the invalid-token 401 without challenge or without error code
    API_NO_TOKEN_403, API_BROKEN_CHALLENGE, API_PRM_NOT_COVERING, API_PRM_NOT_AT_WELL_KNOWN,
    API_SERVER_ERROR_ON_MALFORMED, API_ACCEPTS_MCP_AUDIENCE, API_NO_CHALLENGE_ON_INVALID, API_NO_ERROR_CODE,
    // opaque tokens (RFC 7662): the claims of an inactive answer read anyway, a token let through
    // while introspection is down, or every token refused once introspection failed
    IGNORE_INTROSPECTION_ACTIVE, FAIL_OPEN_ON_INTROSPECTION_OUTAGE, STAY_SHUT_AFTER_INTROSPECTION_OUTAGE,
    // a scope claim of the wrong type read as no scopes at all
    IGNORE_SCOPE_TYPE
}
