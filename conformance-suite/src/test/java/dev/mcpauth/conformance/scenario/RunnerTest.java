package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.token.TokenSource;

import dev.mcpauth.conformance.token.IssuerTokens;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.run.ConformanceRunner;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.run.RunAborted;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.token.AttackerJwks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's contract: selection, harness errors, token modes, redaction, progress. */
class RunnerTest {
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}");

    private static RunOptions options(URI target, Optional<URI> issuer, Optional<String> token, List<String> scenarios) {
        return StubHarness.trusting(new RunOptions(target, issuer, SpecVersion.V2025_11_25, scenarios, token, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(3)));
    }

    @Test
    void unknownScenarioIdsAreRejectedWithTheKnownOnes() {
        RunOptions o = options(URI.create("http://127.0.0.1:1/mcp"), Optional.empty(), Optional.empty(),
                List.of("missing-token", "no-such-thing", "nope"));
        assertThatThrownBy(() -> ConformanceRunner.run(o, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-thing, nope")
                .hasMessageContaining("known: protected-resource-metadata, missing-token");
    }

    @Test
    void selectsScenariosByIdInRunOrder() {
        assertThat(Scenarios.select(List.of("wrong-audience", "missing-token"))).extracting(Scenario::id)
                .containsExactly("missing-token", "wrong-audience");
        assertThat(Scenarios.select(List.of())).hasSize(Scenarios.all().size());
    }

    @Test
    void anUnreachableTargetStopsTheRunWithOneReason() throws Exception {
        int closedPort = closedPort();
        assertThatThrownBy(() -> ConformanceRunner.run(options(URI.create("http://127.0.0.1:" + closedPort + "/mcp"),
                Optional.of(StubHarness.issuer().issuerUrl()), Optional.empty(), List.of()), ProgressListener.NONE))
                .isInstanceOf(RunAborted.class)
                .hasMessageStartingWith("the target http://127.0.0.1:" + closedPort + "/mcp did not answer: ")
                .message().doesNotContain("\n");
    }

    @Test
    void aDeadIssuerStopsTheRunBeforeAnyCheck() throws Exception {
        int closedPort = closedPort();
        try (StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(), StubSetup.plain(false))) {
            assertThatThrownBy(() -> ConformanceRunner.run(options(stub.target(),
                    Optional.of(URI.create("http://127.0.0.1:" + closedPort)), Optional.empty(), List.of()),
                    ProgressListener.NONE))
                    .isInstanceOf(RunAborted.class)
                    .hasMessageStartingWith("the issuer http://127.0.0.1:" + closedPort + " cannot be used: ")
                    .message().doesNotContain("\n");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void operatorTokensRunWhatTheyAllowAndNeverPassWhatNeedsTheIssuer() throws Exception {
        IssuerClient client = IssuerClient.connect(StubHarness.issuer().issuerUrl(), Duration.ofSeconds(3));
        RunResult r;
        try (AttackerJwks attacker = AttackerJwks.start();
             StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), Set.of(), StubSetup.plain(false))) {
            IssuerTokens factory = IssuerTokens.of(TokenSource.Mode.ISSUER, client, client.currentKey(), new IssuerTokens.Template(
                    client.issuer().toString(), stub.resource(), "operator"), attacker, Clock.systemUTC(), t -> { });
            String operatorToken = factory.withScopes(StubMcpServer.BASELINE).get();
            r = ConformanceRunner.run(options(stub.target(), Optional.empty(), Optional.of(operatorToken), List.of()),
                    ProgressListener.NONE);
        }
        Map<String, CheckResult> c = StubHarness.byId(r);
        for (String id : List.of("valid-token-initialize", "valid-token-tools-call", "alg-none-lowercase",
                "bad-signature-flipped-byte", "bad-signature-embedded-jwk", "non-jwt-token-random-opaque",
                "insufficient-scope-status-403", "query-token-ignored", "missing-token-status-401", "prm-served",
                "bad-signature-hs256-public-key-pem", "bad-signature-hs256-public-key-jwk")) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.SUCCESS);
        }
        for (String id : List.of("expired-token-status-401", "wrong-audience-status-401", "wrong-issuer-other-issuer",
                "bad-signature-other-rsa-alg", "insufficient-scope-step-up",
                "insufficient-scope-invalid-token-wins", "token-claims-no-exp", "session-binding-other-user")) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.whenViolated(c.get(id).level()));
            assertThat(c.get(id).untestable()).as(id).isTrue();
            assertThat(c.get(id).errorMessage()).get().asString().contains("--issuer");
        }
        assertThat(r.checks()).filteredOn(CheckResult::untestable).noneMatch(x -> x.status() == Status.SUCCESS);
    }

    @Test
    void operatorOtherUserAndOtherAudienceTokensEnableSessionBindingAndAudienceChecksBothWays() throws Exception {
        Map<String, CheckResult> good = operatorRunWithOtherTokens(Set.of());
        for (String id : List.of("session-binding-other-user", "wrong-audience-status-401", "wrong-audience-other-api",
                "wrong-audience-error-invalid-token")) {
            assertThat(good.get(id).status()).as(id).isEqualTo(Status.SUCCESS);
        }
        assertThat(good.get("wrong-audience-status-401").errorMessage()).isEmpty();
        assertThat(good.get("wrong-audience-missing-aud").untestable()).isTrue();
        Map<String, CheckResult> unbound = operatorRunWithOtherTokens(Set.of(StubDefect.SESSION_NOT_BOUND));
        assertThat(unbound.get("session-binding-other-user").status()).isEqualTo(Status.WARNING);
        assertThat(unbound.get("session-binding-other-user").untestable()).isFalse();
        Map<String, CheckResult> anyAudience = operatorRunWithOtherTokens(Set.of(StubDefect.IGNORE_AUDIENCE));
        assertThat(anyAudience.get("wrong-audience-status-401").status()).isEqualTo(Status.FAILURE);
        assertThat(anyAudience.get("wrong-audience-status-401").untestable()).isFalse();
        assertThat(anyAudience.get("wrong-audience-status-401").errorMessage()).get().asString()
                .contains("--other-audience-token");
    }

    private static Map<String, CheckResult> operatorRunWithOtherTokens(Set<StubDefect> defects) throws Exception {
        IssuerClient client = IssuerClient.connect(StubHarness.issuer().issuerUrl(), Duration.ofSeconds(3));
        try (AttackerJwks attacker = AttackerJwks.start();
             StubMcpServer stub = StubMcpServer.start(StubHarness.issuer().issuerUrl(), defects, StubSetup.plain(false))) {
            IssuerTokens factory = IssuerTokens.of(TokenSource.Mode.ISSUER, client, client.currentKey(), new IssuerTokens.Template(
                    client.issuer().toString(), stub.resource(), "operator"), attacker, Clock.systemUTC(), t -> { });
            RunOptions base = options(stub.target(), Optional.empty(),
                    Optional.of(factory.withScopes(StubMcpServer.BASELINE).get()),
                    List.of("session-binding", "wrong-audience"));
            RunOptions o = base.withExtras(base.extras().withOtherTokens(new dev.mcpauth.conformance.options.OperatorTokens(
                    Optional.of(factory.mutated(dev.mcpauth.conformance.token.TokenMutation.OTHER_SUBJECT,
                            StubMcpServer.BASELINE).get()),
                    Optional.of(factory.mutated(dev.mcpauth.conformance.token.TokenMutation.WRONG_AUDIENCE,
                            StubMcpServer.BASELINE).get()))));
            return StubHarness.byId(ConformanceRunner.run(o, ProgressListener.NONE));
        }
    }

    @Test
    void anInProcessIssuerTheTargetDoesNotListGivesUntestableTokenChecksNotFailures() {
        RunResult r = StubHarness.run(Set.of(), false, stub -> options(stub.target(), Optional.empty(), Optional.empty(),
                List.of("protected-resource-metadata", "valid-token", "expired-token")));
        Map<String, CheckResult> c = StubHarness.byId(r);
        assertThat(c.get("prm-served").status()).isEqualTo(Status.SUCCESS);
        assertThat(c.get("valid-token-initialize").untestable()).isTrue();
        assertThat(c.get("valid-token-initialize").errorMessage()).get().asString()
                .contains("does not list in authorization_servers");
        assertThat(c.get("expired-token-status-401").untestable()).isTrue();
    }

    @Test
    void noTokenTheSuiteSentReachesAnyExchangeEvenWhenTheServerEchoesIt() {
        RunResult r = StubHarness.run(EnumSet.of(StubDefect.ECHO_TOKEN), SpecVersion.V2025_11_25, false, List.of());
        List<String> texts = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            for (Exchange e : c.exchanges()) {
                texts.add(e.url());
                e.requestHeaders().forEach(h -> texts.add(h.getValue()));
                e.responseHeaders().forEach(h -> texts.add(h.getValue()));
                texts.add(e.requestBody());
                texts.add(e.responseBody());
            }
            c.errorMessage().ifPresent(texts::add);
            texts.add(c.details().toString());
        }
        assertThat(texts).noneMatch(t -> JWT.matcher(t).find());
        assertThat(texts).anyMatch(t -> t.contains("[REDACTED token sha256:"));
        assertThat(StubHarness.byId(r).get("challenge-syntax-no-token-echo").exchanges().get(0).responseBody())
                .contains("[REDACTED token sha256:");
    }

    @Test
    void aTokenQuotedInAChallengeReachesNoCheckMessage() {
        // The charset check quotes the bad value; here that value holds the suite's random opaque token.
        RunResult r = StubHarness.run(EnumSet.of(StubDefect.TOKEN_QUOTED_IN_CHALLENGE), SpecVersion.V2025_11_25, false,
                List.of("challenge-syntax"));
        CheckResult charset = StubHarness.byId(r).get("challenge-syntax-value-charset");
        assertThat(charset.status()).isEqualTo(Status.FAILURE);
        assertThat(charset.errorMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("[REDACTED token").doesNotContainPattern("[A-Za-z0-9_-]{40,}"));
    }

    @Test
    void noPieceOfAnOperatorTokenReachesAnyExchange() {
        String token = StubTokenValidator.OPAQUE_TOKEN;
        RunResult r = StubHarness.run(EnumSet.of(StubDefect.ECHO_TOKEN), false, stub -> StubHarness.trusting(
                new RunOptions(stub.target(), Optional.empty(), SpecVersion.V2025_11_25, List.of(), Optional.of(token),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(3))));
        List<String> texts = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            for (Exchange e : c.exchanges()) {
                texts.add(e.url());
                e.requestHeaders().forEach(h -> texts.add(h.getValue()));
                e.responseHeaders().forEach(h -> texts.add(h.getValue()));
                texts.add(e.requestBody());
                texts.add(e.responseBody());
            }
            c.errorMessage().ifPresent(texts::add);
        }
        assertThat(StubHarness.byId(r).get("valid-token-initialize").status()).isEqualTo(Status.SUCCESS);
        assertThat(StubHarness.byId(r).get("malformed-credentials-space-inside").exchanges()).isNotEmpty();
        for (int i = 0; i + 12 <= token.length(); i++) {
            String piece = token.substring(i, i + 12);
            assertThat(texts).as("piece " + piece).noneMatch(t -> t.contains(piece));
        }
    }

    @Test
    void resultAndProgressDescribeTheRun() {
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void scenarioStarted(String scenarioId, String title) {
                events.add("start " + scenarioId);
            }

            @Override
            public void checkFinished(CheckResult check) {
                events.add("check " + check.id());
            }

            @Override
            public void scenarioFinished(ScenarioResult result) {
                events.add("end " + result.id());
            }
        };
        RunResult[] holder = new RunResult[1];
        StubHarness.run(Set.of(), false, stub -> {
            RunOptions o = StubHarness.options(stub, SpecVersion.V2025_06_18, List.of("missing-token"));
            holder[0] = ConformanceRunner.run(o, listener);
            return StubHarness.options(stub, SpecVersion.V2025_06_18, List.of("alg-none"));
        });
        RunResult r = holder[0];
        assertThat(r.suiteVersion()).isEqualTo("0.1.0");
        assertThat(r.specVersion()).isEqualTo(SpecVersion.V2025_06_18);
        assertThat(r.target()).matches("https://127\\.0\\.0\\.1:\\d+/mcp");
        assertThat(r.duration()).isPositive();
        assertThat(r.scenarios()).extracting(ScenarioResult::id).containsExactly("missing-token");
        assertThat(r.scenarios().get(0).rows()).contains("RS-17", "RS-19");
        assertThat(events.get(0)).isEqualTo("start missing-token");
        assertThat(events.get(events.size() - 1)).isEqualTo("end missing-token");
        assertThat(events).filteredOn(e -> e.startsWith("check ")).hasSize(r.checks().size());
        CheckResult scope = StubHarness.byId(r).get("missing-token-scope");
        assertThat(scope.level()).isEqualTo(dev.mcpauth.conformance.spec.Level.MAY);
        assertThat(scope.specReferences()).extracting(ref -> ref.id())
                .contains("MCP-2025-06-18-authorization#scope-selection-strategy", "RFC6750-3");
    }
}
