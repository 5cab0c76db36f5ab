package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Scope needs and the {@code mcp:admin} hierarchy (RS-64, RS-65). */
class ScopePolicyTest {

    @Test
    void requiredForWhenToolNeedsNothingExtraThenBaselineOnly() {
        assertThat(ScopePolicy.requiredFor(Set.of()), contains("mcp:read"));
        assertThat(ScopePolicy.requiredFor(Set.of("mcp:read")), contains("mcp:read"));
    }

    @Test
    void requiredForWhenToolNeedsWriteThenBaselineAndWriteInOneChallenge() {
        assertThat(ScopePolicy.challengeValue(ScopePolicy.requiredFor(Set.of("mcp:write"))), is("mcp:read mcp:write"));
    }

    @Test
    void requiredForWhenToolNeedsAdminThenAdminAloneBecauseItImpliesRead() {
        assertThat(ScopePolicy.requiredFor(Set.of("mcp:admin")), contains("mcp:admin"));
    }

    @Test
    void allowsWhenGrantedAdminThenEverythingIsCovered() {
        assertThat(ScopePolicy.allows(Set.of("mcp:admin"), Set.of("mcp:read", "mcp:write")), is(true));
    }

    @Test
    void allowsWhenOneRequiredScopeMissingThenDenied() {
        assertThat(ScopePolicy.allows(Set.of("mcp:read"), Set.of("mcp:read", "mcp:write")), is(false));
        assertThat(ScopePolicy.allows(Set.of("mcp:write"), Set.of("mcp:read")), is(false));
        assertThat(ScopePolicy.allows(Set.of(), Set.of("mcp:read")), is(false));
    }

    @Test
    void fingerprintWhenKnownInputThenFirst12HexOfSha256() {
        assertThat(TokenFingerprint.of("abc"), is("ba7816bf8f01"));
    }
}
