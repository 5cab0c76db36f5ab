package dev.mcpauth.server.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The granted scopes in the shapes providers send: {@code scope} as a space-separated string
 * (RFC 9068 §2.2.3, RFC 7662 §2.2, Keycloak, Auth0), {@code scp} as an array (Okta) or as a
 * space-separated string (Microsoft Entra ID). With {@code mcp.auth.scope-claim} set, only that
 * claim is read, as a string or an array of strings. Any other shape (a number, an object, an
 * array holding a non-string) is unusable: the token is refused as {@code invalid_token}, never
 * a 500 and never a guess.
 */
public final class ScopeClaims {

    private final Optional<String> configuredClaim;

    public ScopeClaims(Optional<String> configuredClaim) {
        this.configuredClaim = configuredClaim;
    }

    /** The scopes, or empty when a scope claim is present in a shape this server cannot read. */
    public Optional<Set<String>> read(Map<String, Object> claims) {
        List<String> names = configuredClaim.map(List::of).orElse(List.of("scope", "scp"));
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : names) {
            Object value = claims.get(name);
            if (value == null) {
                continue;
            }
            if (!addScopes(value, scopes)) {
                return Optional.empty();
            }
        }
        return Optional.of(scopes);
    }

    private static boolean addScopes(Object value, Set<String> scopes) {
        if (value instanceof String text) {
            Arrays.stream(text.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
            return true;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.stream().map(String.class::cast).filter(s -> !s.isEmpty() && !s.contains(" ")).forEach(scopes::add);
            return list.stream().map(String.class::cast).noneMatch(s -> s.contains(" "));
        }
        return false;
    }
}
