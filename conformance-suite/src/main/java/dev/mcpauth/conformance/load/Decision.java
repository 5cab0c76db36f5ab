package dev.mcpauth.conformance.load;

/**
 * How one answer is judged. A 2xx is an acceptance; 400, 401 and 403 are refusals (RFC 6750
 * §3.1: invalid_request, invalid_token, insufficient_scope); anything else, including no answer
 * at all, is an error: counted and reported, but not a decision either way.
 */
enum Decision {
    /** A good token accepted, or a bad one refused. */
    CORRECT,
    /** A bad or missing token accepted (2xx), or a good token refused (400/401/403). */
    WRONG,
    /** No answer, or a status that is neither an acceptance nor a refusal (404, 429, 5xx, …). */
    ERROR;

    static Decision judge(TokenKind kind, int status) {
        boolean accepted = status >= 200 && status < 300;
        boolean refused = status == 400 || status == 401 || status == 403;
        if (!accepted && !refused) {
            return ERROR;
        }
        return accepted == kind.mustBeAccepted() ? CORRECT : WRONG;
    }
}
