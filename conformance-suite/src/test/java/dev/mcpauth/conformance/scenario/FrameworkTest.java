package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.spec.SpecRefs;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.run.ProgressListener;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts the scenarios stand on: check specs, the recorder, references, URL arithmetic. */
class FrameworkTest {
    private static final CheckSpec MUST = CheckSpec.of("demo-must", Level.MUST, "n", "d", List.of("RS-17"), "RFC6750-3.1");
    private static final CheckSpec SHOULD_11 = CheckSpec.of("demo-should", Level.SHOULD, "n", "d", List.of("RS-20"),
            "MCP-authorization#x").in0618(Level.MAY);
    private static final CheckSpec NEW = CheckSpec.of("demo-new", Level.SHOULD, "n", "d", List.of("RS-64"),
            "RFC9728-3.3").from1125();

    private static CheckRecorder recorder(SpecVersion version) {
        return new CheckRecorder("demo", List.of(MUST, SHOULD_11, NEW), version, Clock.systemUTC(), ProgressListener.NONE);
    }

    @Test
    void violationsTakeTheLevelOfTheSpecVersion() {
        CheckRecorder rec = recorder(SpecVersion.V2025_06_18);
        rec.violated(MUST, "m", Map.of(), List.of());
        rec.violated(SHOULD_11, "m", Map.of(), List.of());
        assertThat(rec.applies(NEW)).isFalse();
        List<CheckResult> r = rec.finish();
        assertThat(r).extracting(CheckResult::status).containsExactly(Status.FAILURE, Status.INFO, Status.SKIPPED);
        CheckRecorder rec11 = recorder(SpecVersion.V2025_11_25);
        rec11.violated(SHOULD_11, "m", Map.of(), List.of());
        assertThat(rec11.applies(NEW)).isTrue();
        assertThat(rec11.finish()).extracting(CheckResult::status)
                .containsExactly(Status.WARNING, Status.FAILURE, Status.WARNING);
    }

    @Test
    void checksCanStartOrEndAtAVersionAndChangeLevelIn2026() {
        CheckSpec sessions = CheckSpec.of("demo-sessions", Level.SHOULD, "n", "d", List.of("RS-69"), "RFC6750-3.1")
                .until1125();
        CheckSpec stepUp = CheckSpec.of("demo-step-up", Level.SHOULD, "n", "d", List.of("RS-64"), "RFC6750-3.1")
                .from1125().in2607(Level.MUST);
        assertThat(sessions.appliesTo(SpecVersion.V2025_06_18)).isTrue();
        assertThat(sessions.appliesTo(SpecVersion.V2025_11_25)).isTrue();
        assertThat(sessions.appliesTo(SpecVersion.V2026_07_28)).isFalse();
        assertThat(sessions.applicability()).isEqualTo("applies up to 2025-11-25");
        assertThat(stepUp.appliesTo(SpecVersion.V2025_06_18)).isFalse();
        assertThat(stepUp.levelFor(SpecVersion.V2025_11_25)).isEqualTo(Level.SHOULD);
        assertThat(stepUp.levelFor(SpecVersion.V2026_07_28)).isEqualTo(Level.MUST);
        CheckRecorder rec = new CheckRecorder("demo", List.of(sessions, stepUp), SpecVersion.V2026_07_28, Clock.systemUTC(),
                ProgressListener.NONE);
        assertThat(rec.applies(sessions)).isFalse();
        rec.violated(stepUp, "second 403", Map.of(), List.of());
        assertThat(rec.finish()).extracting(CheckResult::status).containsExactly(Status.SKIPPED, Status.FAILURE);
    }

    @Test
    void unreachedChecksBecomeUntestableNeverSkips() {
        CheckRecorder rec = recorder(SpecVersion.V2025_11_25);
        rec.pass(SHOULD_11, Map.of(), List.of());
        List<CheckResult> r = rec.finish();
        assertThat(r).hasSize(3);
        assertThat(r.get(1).id()).isEqualTo(MUST.id());
        assertThat(r.get(1).untestable()).isTrue();
        assertThat(r.get(1).status()).isEqualTo(Status.FAILURE);
        assertThat(r.get(2).untestable()).isTrue();
        assertThat(r.get(2).status()).isEqualTo(Status.WARNING);
        assertThat(r.get(1).errorMessage()).get().asString().startsWith("untestable:");
    }

    @Test
    void anUntestableCheckTakesTheStatusOfItsLevelNeverSuccess() {
        CheckSpec may = CheckSpec.of("demo-may", Level.MAY, "n", "d", List.of("RS-14"), "RFC6750-3.1");
        CheckRecorder rec = new CheckRecorder("demo", List.of(MUST, SHOULD_11, may), SpecVersion.V2025_11_25, Clock.systemUTC(),
                ProgressListener.NONE);
        rec.untestable(MUST, "no token", List.of());
        rec.untestable(SHOULD_11, "no token", List.of());
        rec.untestable(may, "no token", List.of());
        List<CheckResult> r = rec.finish();
        assertThat(r).extracting(CheckResult::status).containsExactly(Status.FAILURE, Status.WARNING, Status.INFO);
        assertThat(r).allMatch(CheckResult::untestable);
        CheckRecorder old = recorder(SpecVersion.V2025_06_18);
        old.untestable(SHOULD_11, "no token", List.of());
        assertThat(old.finish().get(0).status()).as("MAY under 2025-06-18").isEqualTo(Status.INFO);
    }

    @Test
    void recordingUndeclaredOrTwiceIsABug() {
        CheckRecorder rec = recorder(SpecVersion.V2025_11_25);
        rec.pass(MUST, Map.of(), List.of());
        assertThatThrownBy(() -> rec.pass(MUST, Map.of(), List.of())).isInstanceOf(IllegalStateException.class);
        CheckSpec other = CheckSpec.of("other", Level.MAY, "n", "d", List.of());
        assertThatThrownBy(() -> rec.pass(other, Map.of(), List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CheckSpec.of("Not_Kebab", Level.MAY, "n", "d", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckSpec.of("x", Level.MAY, "n", "d", List.of(), "RFC1234-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyScenarioDeclaresUniqueKebabIdsPrefixedByItsOwnId() {
        Set<String> seen = new HashSet<>();
        for (Scenario s : Scenarios.all()) {
            assertThat(s.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            String prefix = s.id().equals("protected-resource-metadata") ? "prm-" : s.id() + "-";
            for (CheckSpec c : s.checks()) {
                assertThat(c.id()).startsWith(prefix);
                assertThat(seen.add(c.id())).as("duplicate " + c.id()).isTrue();
                assertThat(c.rows()).isNotEmpty().allMatch(row -> row.matches("RS-\\d\\d"));
                assertThat(s.rows()).containsAll(c.rows());
                assertThat(c.refs()).isNotEmpty();
            }
        }
    }

    @Test
    void referencesResolvePerVersion() {
        assertThat(SpecRefs.resolve("RFC6750-3.1", SpecVersion.V2025_11_25).url())
                .isEqualTo("https://www.rfc-editor.org/rfc/rfc6750#section-3.1");
        assertThat(SpecRefs.resolve("OAUTH21-5.2", SpecVersion.V2025_11_25).url())
                .isEqualTo("https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-5.2");
        var mcp = SpecRefs.resolve("MCP-authorization#token-handling", SpecVersion.V2025_06_18);
        assertThat(mcp.id()).isEqualTo("MCP-2025-06-18-authorization#token-handling");
        assertThat(mcp.url()).isEqualTo("https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#token-handling");
        assertThat(SpecRefs.resolve("MCP-transports#server-validation", SpecVersion.V2026_07_28).url())
                .isEqualTo("https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#server-validation");
    }

    @Test
    void prmLocationsFollowRfc9728PathInsertion() {
        assertThat(Discovery.pathInsertedPrm(URI.create("https://h/a/b")))
                .isEqualTo(URI.create("https://h/.well-known/oauth-protected-resource/a/b"));
        assertThat(Discovery.pathInsertedPrm(URI.create("https://h/")))
                .isEqualTo(URI.create("https://h/.well-known/oauth-protected-resource"));
        assertThat(Discovery.rootPrm(URI.create("http://127.0.0.1:9/mcp")))
                .isEqualTo(URI.create("http://127.0.0.1:9/.well-known/oauth-protected-resource"));
        assertThat(Discovery.resourceForLocation(URI.create("https://h/.well-known/oauth-protected-resource/mcp")))
                .contains("https://h/mcp");
        assertThat(Discovery.resourceForLocation(URI.create("https://h/.well-known/oauth-protected-resource")))
                .contains("https://h");
        assertThat(Discovery.resourceForLocation(URI.create("https://h/.well-known/oauth-protected-resourceX"))).isEmpty();
        assertThat(Discovery.authorizationServerMetadata(URI.create("https://as/tenant1")))
                .extracting(c -> c.url().toString())
                .containsExactly("https://as/.well-known/oauth-authorization-server/tenant1",
                        "https://as/.well-known/openid-configuration/tenant1",
                        "https://as/tenant1/.well-known/openid-configuration");
        assertThat(Discovery.authorizationServerMetadata(URI.create("http://127.0.0.1:5"))).hasSize(2);
    }

    @Test
    void scopeAndErrorCharacterSets() {
        assertThat(Verdicts.validScope("mcp:read mcp:admin")).isTrue();
        assertThat(Verdicts.validScope("mcp:read  mcp:admin")).isFalse();
        assertThat(Verdicts.validScope(" mcp:read")).isFalse();
        assertThat(Verdicts.validScope("a\"b")).isFalse();
        assertThat(Verdicts.validScope("")).isFalse();
        assertThat(Verdicts.validErrorText("token expired at 12:00")).isTrue();
        assertThat(Verdicts.validErrorText("bad \\ char")).isFalse();
        assertThat(Verdicts.validErrorText("caf\u00e9")).isFalse();
    }
}
