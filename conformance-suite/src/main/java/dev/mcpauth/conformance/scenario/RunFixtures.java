package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.greybox.UpstreamMock;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.token.AttackerJwks;

import java.util.Objects;
import java.util.Optional;

/**
 * The suite's own servers a run may use besides the target.
 *
 * @param attacker      the attacker's key and {@code jku} URL
 * @param issuerAdmin   the suite issuer's admin endpoints (key rotation, JWKS outage), in the issuer modes
 * @param upstream      the mock upstream API, when {@code --upstream-mock-port} is given
 * @param upstreamError why the mock upstream could not start, when it was asked for and did not
 */
public record RunFixtures(AttackerJwks attacker, Optional<IssuerClient> issuerAdmin, Optional<UpstreamMock> upstream,
                          Optional<String> upstreamError) {
    public RunFixtures {
        Objects.requireNonNull(attacker, "attacker");
        Objects.requireNonNull(issuerAdmin, "issuerAdmin");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(upstreamError, "upstreamError");
    }

    public static RunFixtures of(AttackerJwks attacker) {
        return new RunFixtures(attacker, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
