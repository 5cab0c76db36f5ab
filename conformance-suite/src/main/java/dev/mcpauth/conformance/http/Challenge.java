package dev.mcpauth.conformance.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One challenge of a {@code WWW-Authenticate} field (RFC 9110 §11.1): a scheme followed by
 * either a token68 or a list of auth-params. Duplicate parameter names are kept, in order, so
 * a check can report them (RFC 9110 §11.2: each name MUST occur once per challenge).
 *
 * @param scheme  auth-scheme as sent
 * @param token68 the token68 form, when used instead of auth-params
 * @param params  auth-params in the order sent, duplicates included
 */
public record Challenge(String scheme, Optional<String> token68, List<AuthParam> params) {
    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(token68, "token68");
        params = List.copyOf(params);
    }

    /** Scheme names are case-insensitive (RFC 9110 §11.1). */
    public boolean isBearer() {
        return scheme.equalsIgnoreCase("Bearer");
    }

    /** The first parameter with this name (case-insensitive). */
    public Optional<AuthParam> param(String name) {
        return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The value of the first parameter with this name. */
    public Optional<String> value(String name) {
        return param(name).map(AuthParam::value);
    }

    /** Lower-cased names that occur more than once, in first-seen order. */
    public List<String> duplicateParamNames() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> dups = new LinkedHashSet<>();
        for (AuthParam p : params) {
            String n = p.name().toLowerCase(Locale.ROOT);
            if (!seen.add(n)) {
                dups.add(n);
            }
        }
        return new ArrayList<>(dups);
    }
}
