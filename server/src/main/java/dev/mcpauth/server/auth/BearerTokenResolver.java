package dev.mcpauth.server.auth;

import java.util.Locale;

/**
 * Finds the bearer token in a request, answering only "where is the token?" (RFC 6750 §2).
 * <ul>
 *     <li>Only the {@code Authorization} header counts; query and form tokens never authenticate
 *     (RS-26, RS-27). Alone they are "no credentials"; next to a header they make the request
 *     ambiguous, so it is refused as {@code invalid_request} (RS-30).</li>
 *     <li>Another scheme or a bare token is "no credentials" (RS-28); the scheme name is
 *     case-insensitive (RS-25) and any number of spaces may follow it (RS-31).</li>
 *     <li>Two header lines or an empty token: {@code invalid_request} (RS-29, RS-30). A token
 *     outside the token68 grammar is malformed (RS-29).</li>
 * </ul>
 */
public final class BearerTokenResolver {

    private static final String SCHEME = "bearer";

    /** Longer tokens are refused as malformed without further work (RS-75). */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    public ResolvedCredential resolve(PresentedCredentials presented) {
        if (presented.authorizationHeaders().isEmpty()) {
            return new ResolvedCredential.None();
        }
        if (presented.authorizationHeaders().size() > 1) {
            return new ResolvedCredential.InvalidRequest("more than one Authorization header");
        }
        String header = presented.authorizationHeaders().getFirst().strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return new ResolvedCredential.None();
        }
        String token = space < 0 ? "" : header.substring(space).stripLeading();
        if (token.isEmpty()) {
            return new ResolvedCredential.InvalidRequest("empty bearer token");
        }
        if (presented.queryToken() || presented.formToken()) {
            return new ResolvedCredential.InvalidRequest("more than one credential supplied");
        }
        if (token.length() > MAX_TOKEN_LENGTH || !isToken68(token)) {
            return new ResolvedCredential.Malformed(token);
        }
        return new ResolvedCredential.Token(token);
    }

    /**
     * RFC 6750 §2.1 b64token, {@code [A-Za-z0-9-._~+/]+=*}, checked by hand: a regular expression
     * here cost more than the rest of a cached token's validation (RS-29).
     */
    static boolean isToken68(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (!isToken68Char(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken68Char(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** The answer of {@link #resolve(PresentedCredentials)}. */
    public sealed interface ResolvedCredential {

        /** A syntactically valid bearer token, still to be validated. */
        record Token(String value) implements ResolvedCredential {
            @Override
            public String toString() {
                return "Token[fingerprint=" + TokenFingerprint.of(value) + "]";
            }
        }

        /** No usable credentials: answer with a bare challenge. */
        record None() implements ResolvedCredential {
        }

        /** A Bearer credential that is not token68: {@code invalid_token}. */
        record Malformed(String value) implements ResolvedCredential {
            @Override
            public String toString() {
                return "Malformed[fingerprint=" + TokenFingerprint.of(value) + "]";
            }
        }

        /** The request is ambiguous or empty: {@code invalid_request}, HTTP 400. */
        record InvalidRequest(String description) implements ResolvedCredential {
        }
    }
}
