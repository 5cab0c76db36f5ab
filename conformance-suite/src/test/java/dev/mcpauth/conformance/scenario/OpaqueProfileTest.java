package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.TokenFormat;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opaque-token profile ({@code --token-format opaque}, RS-60) proven both ways: the stub that
 * introspects at the suite's issuer passes every check of the profile, and each introspection
 * defect is caught by exactly the checks meant for it, the others still passing.
 */
class OpaqueProfileTest {

    private static RunResult run(Set<StubDefect> defects, SpecVersion version, List<String> scenarios) {
        return StubHarness.run(defects, false, stub -> {
            var options = StubHarness.options(stub, version, scenarios);
            return options.withExtras(options.extras().withTokenFormat(TokenFormat.OPAQUE));
        });
    }

    @ParameterizedTest(name = "correct stub, opaque tokens, {0}: every check passes")
    @EnumSource(value = SpecVersion.class, names = {"V2025_06_18", "V2025_11_25", "V2026_07_28"})
    void correctStubPassesTheWholeProfile(SpecVersion version) {
        RunResult r = run(Set.of(), version, List.of());
        Set<String> declared = Scenarios.opaqueTokenProfile().stream().flatMap(s -> s.checks().stream())
                .map(CheckSpec::id).collect(Collectors.toSet());
        assertThat(r.checks()).extracting(CheckResult::id).containsExactlyInAnyOrderElementsOf(declared);
        List<String> notPassing = r.checks().stream()
                .filter(c -> c.status() != Status.SUCCESS && !(c.status() == Status.SKIPPED && !applies(c.id(), version)))
                .map(c -> c.id() + " " + c.status() + " " + c.errorMessage().orElse(""))
                .toList();
        assertThat(notPassing).isEmpty();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of(StubDefect.IGNORE_INTROSPECTION_ACTIVE, Map.of("introspection-revoked-401", "F")),
                Arguments.of(StubDefect.FAIL_OPEN_ON_INTROSPECTION_OUTAGE, Map.of("introspection-outage-fails-closed", "F")),
                Arguments.of(StubDefect.STAY_SHUT_AFTER_INTROSPECTION_OUTAGE, Map.of("introspection-outage-recovers", "W")),
                Arguments.of(StubDefect.ACCEPT_EXPIRED, Map.of("expired-token-status-401", "F",
                        "expired-token-error-invalid-token", "W", "expired-token-bearer-challenge", "F",
                        "expired-token-beyond-leeway", "F", "expired-token-no-tool-result", "F",
                        "insufficient-scope-invalid-token-wins", "F")),
                Arguments.of(StubDefect.IGNORE_AUDIENCE, Map.of("wrong-audience-status-401", "F",
                        "wrong-audience-error-invalid-token", "W", "wrong-audience-missing-aud", "F",
                        "wrong-audience-other-api", "F", "wrong-audience-id-token", "F")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defectIsCaughtByExactlyItsChecks(StubDefect defect, Map<String, String> expected) {
        RunResult r = run(EnumSet.of(defect), SpecVersion.V2025_11_25, List.of());
        List<String> mismatches = new ArrayList<>();
        for (CheckResult check : r.checks()) {
            String actual = DefectCase.code(check);
            String want = expected.getOrDefault(check.id(), applies(check.id(), SpecVersion.V2025_11_25) ? "OK" : "S");
            if (!actual.equals(want)) {
                mismatches.add(check.id() + ": expected " + want + ", got " + actual + " " + check.errorMessage().orElse(""));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(r.checks()).extracting(CheckResult::id).containsAll(expected.keySet());
    }

    private static boolean applies(String checkId, SpecVersion version) {
        return Scenarios.opaqueTokenProfile().stream().flatMap(s -> s.checks().stream())
                .filter(c -> c.id().equals(checkId)).findFirst().orElseThrow().appliesTo(version);
    }
}
