package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.options.TypProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the both-ways table cannot show: levels chosen by options (typ profile), details that
 * INFO checks record, the https verdict off loopback, grey-box checks left off, and the issuer
 * left usable after the key-lifecycle scenario.
 */
class ProfilesAndDetailsTest {

    private static Map<String, CheckResult> run(Set<StubDefect> defects, TypProfile profile, List<String> scenarios) {
        RunResult r = StubHarness.run(defects, false, stub -> {
            RunOptions o = StubHarness.options(stub, SpecVersion.V2025_11_25, scenarios);
            return o.withExtras(o.extras().withTypProfile(profile));
        });
        return StubHarness.byId(r);
    }

    @Test
    void theRfc9068ProfileMakesTypAMust() {
        Map<String, CheckResult> broken = run(EnumSet.of(StubDefect.IGNORE_TYP), TypProfile.RFC9068, List.of("token-claims"));
        for (String id : List.of("token-claims-wrong-typ", "token-claims-missing-typ")) {
            assertThat(broken.get(id).status()).as(id).isEqualTo(Status.FAILURE);
            assertThat(broken.get(id).level()).as(id).isEqualTo(Level.MUST);
            assertThat(broken.get(id).untestable()).isFalse();
        }
        Map<String, CheckResult> good = run(Set.of(), TypProfile.RFC9068, List.of("token-claims"));
        assertThat(good.get("token-claims-wrong-typ").status()).isEqualTo(Status.SUCCESS);
        assertThat(good.get("token-claims-wrong-typ").level()).isEqualTo(Level.MUST);
        Map<String, CheckResult> lenient = run(Set.of(), TypProfile.LENIENT, List.of("token-claims"));
        assertThat(lenient.get("token-claims-missing-typ").level()).isEqualTo(Level.SHOULD);
    }

    @Test
    void stepUpJudgesTheChallengedScopeEvenWithPrivilegedScopeGiven() {
        // --privileged-scope names the scope that works; the 403 names another. The check is about the challenge.
        RunResult r = StubHarness.run(EnumSet.of(StubDefect.CHALLENGE_NAMES_WRONG_SCOPE), false, stub -> {
            RunOptions o = StubHarness.options(stub, SpecVersion.V2025_11_25, List.of("insufficient-scope"));
            return new RunOptions(o.target(), o.issuer(), o.specVersion(), o.scenarioIds(), o.token(),
                    o.lowScopeToken(), o.baselineScope(), Optional.of(StubMcpServer.ADMIN), o.privilegedTool(),
                    o.requestTimeout(), o.extras());
        });
        CheckResult stepUp = StubHarness.byId(r).get("insufficient-scope-step-up");
        assertThat(stepUp.status()).isEqualTo(Status.WARNING);
        assertThat(stepUp.untestable()).isFalse();
    }

    @Test
    void infoChecksRecordWhatTheySaw() {
        Map<String, CheckResult> good = run(Set.of(), TypProfile.LENIENT, List.of("wrong-audience", "expired-token"));
        assertThat(good.get("wrong-audience-resource-variants").details())
                .containsEntry("upperCaseAccepted", true).containsEntry("trailingSlashAccepted", false);
        assertThat(good.get("expired-token-within-leeway").details()).containsEntry("accepted", true);
        Map<String, CheckResult> other = run(EnumSet.of(StubDefect.ACCEPT_AUDIENCE_SLASH, StubDefect.ZERO_LEEWAY),
                TypProfile.LENIENT, List.of("wrong-audience", "expired-token"));
        assertThat(other.get("wrong-audience-resource-variants").status()).isEqualTo(Status.SUCCESS);
        assertThat(other.get("wrong-audience-resource-variants").details()).containsEntry("trailingSlashAccepted", true);
        assertThat(other.get("expired-token-within-leeway").status()).isEqualTo(Status.INFO);
        assertThat(other.get("expired-token-within-leeway").details()).containsEntry("accepted", false);
    }

    @Test
    void httpOffLoopbackFailsAndOnLoopbackWarns() {
        assertThat(HttpsScenario.verdict(List.of(URI.create("https://mcp.example.com/mcp")))).isEqualTo(Status.SUCCESS);
        assertThat(HttpsScenario.verdict(List.of(URI.create("http://127.0.0.1:8080/mcp")))).isEqualTo(Status.WARNING);
        assertThat(HttpsScenario.verdict(List.of(URI.create("http://localhost/mcp")))).isEqualTo(Status.WARNING);
        assertThat(HttpsScenario.verdict(List.of(URI.create("http://mcp.example.com/mcp")))).isEqualTo(Status.FAILURE);
        assertThat(HttpsScenario.verdict(List.of(URI.create("http://127.0.0.1/mcp"),
                URI.create("http://mcp.example.com/.well-known/oauth-protected-resource/mcp")))).isEqualTo(Status.FAILURE);
    }

    @Test
    void greyBoxChecksWithoutTheirFlagsAreSkippedAsNotRequested() {
        Map<String, CheckResult> c = StubHarness.byId(greyBoxRunWithoutFlags(false));
        for (String id : List.of("token-passthrough-not-forwarded", "token-hygiene-server-log")) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.SKIPPED);
            assertThat(c.get(id).untestable()).as(id).isFalse();
            assertThat(c.get(id).errorMessage()).get().asString().startsWith("not requested (grey box): pass --");
        }
        assertThat(c.get("token-hygiene-no-echo").status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void greyBoxChecksWithoutTheirFlagsAreUntestableFailuresWhenRequired() {
        Map<String, CheckResult> c = StubHarness.byId(greyBoxRunWithoutFlags(true));
        for (String id : List.of("token-passthrough-not-forwarded", "token-hygiene-server-log")) {
            assertThat(c.get(id).status()).as(id).isEqualTo(Status.FAILURE);
            assertThat(c.get(id).untestable()).as(id).isTrue();
            assertThat(c.get(id).errorMessage()).get().asString()
                    .startsWith("untestable: grey-box check required (--require-greybox) but not enabled: pass --");
        }
        assertThat(c.get("token-hygiene-no-echo").status()).isEqualTo(Status.SUCCESS);
    }

    private static RunResult greyBoxRunWithoutFlags(boolean required) {
        return StubHarness.run(Set.of(), false, stub -> {
            RunOptions o = StubHarness.trusting(new RunOptions(stub.target(),
                    java.util.Optional.of(StubHarness.issuer().issuerUrl()), SpecVersion.V2025_11_25,
                    List.of("token-passthrough", "token-hygiene"), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.time.Duration.ofSeconds(5)));
            return o.withExtras(o.extras().withRequireGreybox(required));
        });
    }

    @Test
    void theKeyLifecycleLeavesTheIssuerServingItsKeys() throws IOException, InterruptedException {
        Map<String, CheckResult> c = run(Set.of(), TypProfile.LENIENT, List.of("key-lifecycle"));
        assertThat(c.values()).allMatch(x -> x.status() == Status.SUCCESS);
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(StubHarness.issuer().issuerUrl() + "/jwks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(c.get("key-lifecycle-rotation-new-key").details()).containsKey("waitedMillis");
    }
}
