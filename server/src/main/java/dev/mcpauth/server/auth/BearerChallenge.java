package dev.mcpauth.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One RFC 6750 §3 {@code Bearer} challenge and the HTTP status that carries it.
 * Values are checked against the RFC 6750 character sets when built, so rendering never needs
 * escaping and never carries a quote or backslash (RS-21). Parameter order is fixed per kind, as
 * in the challenge examples of docs/rs-checklist.md; no parameter ever holds the token (RS-23, RS-76).
 *
 * @param status HTTP status: 401, 400 or 403
 * @param error  the RFC 6750 error code, empty when no credentials were presented (RS-19)
 * @param params the auth-params in wire order
 */
public record BearerChallenge(int status, Optional<String> error, List<Param> params) {

    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    public BearerChallenge {
        params = List.copyOf(params);
    }

    /** RS-17, RS-19, RS-20, RS-26, RS-28: no usable credentials, so no {@code error}. */
    public static BearerChallenge missingCredentials(String resourceMetadata, String scope) {
        return new BearerChallenge(401, Optional.empty(),
                List.of(Param.url("resource_metadata", resourceMetadata), Param.scope(scope)));
    }

    /**
     * A token was presented and is not acceptable: RS-32, RS-33, RS-37, RS-38, RS-39, RS-40, RS-41,
     * RS-42, RS-43, RS-44, RS-45, RS-46, RS-47, RS-48, RS-49, RS-50, RS-51, RS-52, RS-53, RS-54,
     * RS-56, RS-57.
     */
    public static BearerChallenge invalidToken(String description, String resourceMetadata, String scope) {
        return new BearerChallenge(401, Optional.of(INVALID_TOKEN), List.of(
                Param.text("error", INVALID_TOKEN), Param.text("error_description", description),
                Param.url("resource_metadata", resourceMetadata), Param.scope(scope)));
    }

    /** RS-29, RS-30: the request itself is malformed (two credentials, an empty token). */
    public static BearerChallenge invalidRequest(String description, String resourceMetadata) {
        return new BearerChallenge(400, Optional.of(INVALID_REQUEST), List.of(
                Param.text("error", INVALID_REQUEST), Param.text("error_description", description),
                Param.url("resource_metadata", resourceMetadata)));
    }

    /** RS-62, RS-63, RS-64: valid token, too few scopes; {@code scope} names what this call needs. */
    public static BearerChallenge insufficientScope(String description, String scope, String resourceMetadata) {
        return new BearerChallenge(403, Optional.of(INSUFFICIENT_SCOPE), List.of(
                Param.text("error", INSUFFICIENT_SCOPE), Param.text("error_description", description),
                Param.scope(scope), Param.url("resource_metadata", resourceMetadata)));
    }

    /** The {@code WWW-Authenticate} field value: {@code Bearer} first, then quoted params (RS-18, RS-21). */
    public String headerValue() {
        return "Bearer " + params.stream().map(Param::render).collect(Collectors.joining(", "));
    }

    /** Value of one parameter, if present. */
    public Optional<String> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst();
    }

    /** A small JSON body mirroring the challenge (never the token, never internals: RS-23). */
    public String jsonBody() {
        List<String> members = new ArrayList<>();
        error.ifPresent(e -> members.add("\"error\":\"" + e + "\""));
        param("error_description").ifPresent(d -> members.add("\"error_description\":\"" + d + "\""));
        if (members.isEmpty()) {
            members.add("\"error_description\":\"bearer token required\"");
        }
        return "{" + String.join(",", members) + "}";
    }

    /**
     * One auth-param. The JSON body reuses the values unescaped, which is safe because the
     * allowed characters contain no quote and no backslash.
     */
    public record Param(String name, String value) {
        private static final String TEXT = "[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*";
        private static final String SCOPE = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*";

        public Param {
            boolean ok = name.equals("scope") ? value.matches(SCOPE) : value.matches(TEXT);
            if (!ok || value.isEmpty()) {
                throw new IllegalArgumentException("value of " + name + " is outside the RFC 6750 character set");
            }
        }

        static Param text(String name, String value) {
            return new Param(name, value);
        }

        static Param scope(String value) {
            return new Param("scope", value);
        }

        static Param url(String name, String value) {
            return new Param(name, value);
        }

        String render() {
            return name + "=\"" + value + "\"";
        }
    }
}
