package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --token-typ} and the fallback when the positive control is refused only because of {@code typ: at+jwt}
 * ({@link StubDefect#JWT_TYP_ONLY} accepts only {@code JWT} or no {@code typ}, like Spring Security's default decoder).
 */
class TokenTypTest {
    private static final String CHECK = "access-token-typ-rfc9068-accepted";

    private static RunResult run(Set<StubDefect> defects, TokenTyp typ) {
        return StubHarness.run(defects.isEmpty() ? EnumSet.noneOf(StubDefect.class) : EnumSet.copyOf(defects), false,
                stub -> {
                    RunOptions o = StubHarness.options(stub, SpecVersion.V2025_11_25, List.of());
                    return o.withExtras(o.extras().withTokenTyp(typ));
                });
    }

    /** Every check that did not pass, as id → verdict code. */
    private static Map<String, String> notPassing(RunResult r) {
        Map<String, String> out = new TreeMap<>();
        r.checks().stream().filter(c -> c.status() != Status.SUCCESS && !(c.status() == Status.SKIPPED
                        && !BothWaysTest.applies(c.id(), SpecVersion.V2025_11_25)))
                .forEach(c -> out.put(c.id(), DefectCase.code(c)));
        return out;
    }

    @Test
    void aTargetRefusingAtJwtGetsTheWarningAndTheRestOfTheRunGoesOnWithJwt() {
        RunResult r = run(Set.of(StubDefect.JWT_TYP_ONLY), TokenTyp.AT_JWT);
        assertThat(notPassing(r)).isEqualTo(Map.of(CHECK, "W", "token-claims-wrong-typ", "W",
                "token-claims-missing-typ", "W", "token-claims-typ-case-insensitive", "I"));
        CheckResult finding = StubHarness.byId(r).get(CHECK);
        assertThat(finding.untestable()).isFalse();
        assertThat(finding.errorMessage()).get().asString()
                .startsWith("RFC 9068 access tokens refused: initialize with a good token with typ at+jwt answered 401")
                .endsWith("the same token with typ JWT was accepted; the rest of the run used typ JWT");
        assertThat(finding.exchanges()).isNotEmpty();
        assertThat(StubHarness.byId(r).get("valid-token-tools-call").status()).isEqualTo(Status.SUCCESS);
        String note = "The target refused the suite's RFC 9068 access tokens (typ at+jwt) and accepted the same tokens "
                + "with typ JWT: every token-based check ran with typ JWT (finding: " + CHECK
                + "; pass --token-typ JWT to start with it).";
        assertThat(r.notes()).containsExactly(note);
        Map<String, String> files = new ReportWriter(Checklist.bundled()).render(RunOutcome.of(r));
        assertThat(files.get("summary.md")).contains("> **Run note:** " + note);
        assertThat(jakarta.json.Json.createReader(new java.io.StringReader(files.get("run.json"))).readObject()
                .getJsonArray("notes").getString(0)).isEqualTo(note);
        assertThat(files.get("report.html")).contains("<th>Run note</th>");
    }

    @Test
    void theCorrectTargetGetsNoWarning() {
        RunResult r = run(Set.of(), TokenTyp.AT_JWT);
        assertThat(StubHarness.byId(r).get(CHECK).status()).isEqualTo(Status.SUCCESS);
        assertThat(notPassing(r)).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(new ReportWriter(Checklist.bundled()).render(RunOutcome.of(r)).get("summary.md"))
                .doesNotContain("Run note");
    }

    @Test
    void whenTheOperatorChoseJwtTheRfc9068FormIsStillTriedOnce() {
        RunResult r = run(Set.of(StubDefect.JWT_TYP_ONLY), TokenTyp.JWT);
        CheckResult finding = StubHarness.byId(r).get(CHECK);
        assertThat(DefectCase.code(finding)).isEqualTo("W");
        assertThat(finding.errorMessage()).get().asString().startsWith("RFC 9068 access tokens refused: a good token "
                + "with typ at+jwt answered 401").endsWith("(the run used --token-typ JWT)");
        assertThat(StubHarness.byId(r).get("valid-token-initialize").status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void aTargetThatRefusesBothFormsIsNotRescued() {
        RunResult r = run(Set.of(StubDefect.REJECT_ALL_TOKENS), TokenTyp.AT_JWT);
        assertThat(StubHarness.byId(r).get("valid-token-initialize").status()).isEqualTo(Status.FAILURE);
        assertThat(StubHarness.byId(r).get(CHECK).untestable()).isTrue();
    }
}
