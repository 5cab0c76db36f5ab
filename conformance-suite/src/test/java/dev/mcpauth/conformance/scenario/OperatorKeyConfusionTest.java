package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.token.TokenSource;

import dev.mcpauth.conformance.token.IssuerTokens;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.token.AttackerJwks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS-43 in operator-token mode: the suite has no issuer, so it fetches the AS's public key
 * black-box (PRM → AS metadata → jwks_uri) and keys HS256 with it. Proven both ways, and
 * untestable (never passed) when the chain does not resolve.
 */
class OperatorKeyConfusionTest {
    private static final String PEM = "bad-signature-hs256-public-key-pem";
    private static final String JWK = "bad-signature-hs256-public-key-jwk";

    @Test
    void theCorrectStubPassesBothWithAJwtOperatorToken() throws Exception {
        Map<String, CheckResult> c = run(Set.of(), true);
        for (String id : List.of(PEM, JWK)) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.SUCCESS);
            assertThat(c.get(id).untestable()).as(id).isFalse();
        }
    }

    @Test
    void theCorrectStubPassesBothWithAnOpaqueOperatorToken() throws Exception {
        Map<String, CheckResult> c = run(Set.of(), false);
        for (String id : List.of(PEM, JWK)) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.SUCCESS);
            assertThat(c.get(id).untestable()).as(id).isFalse();
        }
    }

    @Test
    void acceptingHs256WithThePublicKeyPemFails() throws Exception {
        Map<String, CheckResult> c = run(Set.of(StubDefect.HMAC_WITH_PUBLIC_KEY_PEM), true);
        assertThat(c.get(PEM).status()).isEqualTo(Status.FAILURE);
        assertThat(c.get(PEM).untestable()).isFalse();
        assertThat(c.get(PEM).errorMessage()).get().asString().contains("accepted");
        assertThat(c.get(JWK).status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void acceptingHs256WithThePublicKeyJwkFails() throws Exception {
        Map<String, CheckResult> c = run(Set.of(StubDefect.HMAC_WITH_PUBLIC_KEY_JWK), false);
        assertThat(c.get(JWK).status()).isEqualTo(Status.FAILURE);
        assertThat(c.get(JWK).untestable()).isFalse();
        assertThat(c.get(PEM).status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void anUnreachableAuthorizationServerLeavesThemUntestable() throws Exception {
        Map<String, CheckResult> c = run(Set.of(StubDefect.AS_METADATA_UNREACHABLE), true);
        for (String id : List.of(PEM, JWK)) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.FAILURE);
            assertThat(c.get(id).untestable()).as(id).isTrue();
            assertThat(c.get(id).errorMessage()).get().asString()
                    .contains("fetched black-box")
                    .contains("no authorization server metadata for " + StubMcpServer.UNREACHABLE_AS)
                    .contains("--issuer");
        }
        assertThat(c.get("bad-signature-flipped-byte").status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void aFailedPositiveControlStillGatesThem() throws Exception {
        Map<String, CheckResult> c = run(Set.of(StubDefect.REJECT_ALL_TOKENS), true);
        for (String id : List.of(PEM, JWK)) {
            assertThat(c.get(id).untestable()).as(id).isTrue();
            assertThat(c.get(id).errorMessage()).get().asString().contains("prerequisite failed");
        }
    }

    /** Operator mode against a stub: the operator token is a JWT from the stub's issuer, or the stub's opaque token. */
    private static Map<String, CheckResult> run(Set<StubDefect> defects, boolean jwt) throws Exception {
        IssuerClient client = IssuerClient.connect(StubHarness.issuer().issuerUrl(), Duration.ofSeconds(3));
        try (AttackerJwks attacker = AttackerJwks.start();
             StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), defects, StubSetup.plain(false))) {
            String token = jwt ? IssuerTokens.of(TokenSource.Mode.ISSUER, client, client.currentKey(), new IssuerTokens.Template(
                    client.issuer().toString(), stub.resource(), "operator"), attacker, Clock.systemUTC(), t -> { })
                    .withScopes(StubMcpServer.BASELINE).get() : StubTokenValidator.OPAQUE_TOKEN;
            RunOptions o = StubHarness.trusting(new RunOptions(stub.target(), Optional.empty(), SpecVersion.V2025_11_25,
                    List.of("bad-signature"), Optional.of(token), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(3)));
            return StubHarness.byId(ConformanceRunner.run(o, ProgressListener.NONE));
        }
    }
}
