package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scope claim in each provider's shape, and the shapes that are refused rather than guessed. */
class ScopeClaimsTest {

    private final ScopeClaims defaults = new ScopeClaims(Optional.empty());

    @Test
    void keycloakAndAuth0ScopeStringIsSplitOnSpaces() {
        assertThat(defaults.read(Map.of("scope", "mcp:read  mcp:write")), is(Optional.of(Set.of("mcp:read", "mcp:write"))));
    }

    @Test
    void oktaScpArrayAndEntraScpStringAreRead() {
        assertThat(defaults.read(Map.of("scp", List.of("mcp:read", "mcp:admin"))),
                   is(Optional.of(Set.of("mcp:read", "mcp:admin"))));
        assertThat(defaults.read(Map.of("scp", "mcp:read mcp:write")), is(Optional.of(Set.of("mcp:read", "mcp:write"))));
        assertThat(defaults.read(Map.of("scope", "mcp:read", "scp", List.of("mcp:write"))),
                   is(Optional.of(Set.of("mcp:read", "mcp:write"))));
    }

    @Test
    void noScopeClaimMeansNoScopes() {
        assertThat(defaults.read(Map.of("sub", "u")), is(Optional.of(Set.of())));
    }

    @Test
    void unusableShapesAreRefused() {
        assertThat(defaults.read(Map.of("scope", 42)), is(Optional.empty()));
        assertThat(defaults.read(Map.of("scp", Map.of("mcp:read", true))), is(Optional.empty()));
        assertThat(defaults.read(Map.of("scp", Arrays.asList("mcp:read", 1))), is(Optional.empty()));
        assertThat("an array element holding two scopes is ambiguous",
                   defaults.read(Map.of("scp", List.of("mcp:read mcp:admin"))), is(Optional.empty()));
    }

    @Test
    void configuredClaimIsTheOnlyOneRead() {
        ScopeClaims roles = new ScopeClaims(Optional.of("roles"));
        assertThat(roles.read(Map.of("roles", List.of("mcp:admin"), "scope", "mcp:read")), is(Optional.of(Set.of("mcp:admin"))));
        assertThat(roles.read(Map.of("scope", "mcp:read")), is(Optional.of(Set.of())));
    }
}
