package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check proven both ways: the correct stub passes all of them (under every spec version,
 * with JSON and with SSE replies), and for every check some defect in the table makes it
 * report the exact non-success verdict it should, while the checks the defect does not concern
 * keep passing.
 */
class BothWaysTest {

    static Stream<Arguments> goodRuns() {
        return Stream.of(Arguments.of(SpecVersion.V2025_11_25, false), Arguments.of(SpecVersion.V2025_11_25, true),
                Arguments.of(SpecVersion.V2025_06_18, false), Arguments.of(SpecVersion.V2026_07_28, false),
                Arguments.of(SpecVersion.V2026_07_28, true));
    }

    @ParameterizedTest(name = "correct stub, {0}, sse={1}: every check passes")
    @MethodSource("goodRuns")
    void correctStubPassesEveryCheck(SpecVersion version, boolean sse) {
        RunResult r = StubHarness.run(Set.of(), version, sse, List.of());
        Set<String> declared = Scenarios.all().stream().flatMap(s -> s.checks().stream()).map(CheckSpec::id)
                .collect(Collectors.toSet());
        assertThat(r.checks()).extracting(CheckResult::id).containsExactlyInAnyOrderElementsOf(declared);
        List<String> notPassing = r.checks().stream()
                .filter(c -> c.status() != Status.SUCCESS && !(c.status() == Status.SKIPPED && !applies(c.id(), version)))
                .map(c -> c.id() + " " + c.status() + " " + c.errorMessage().orElse(""))
                .toList();
        assertThat(notPassing).isEmpty();
        assertThat(r.checks()).filteredOn(c -> c.status() == Status.SKIPPED)
                .allMatch(c -> !applies(c.id(), version));
    }

    static Stream<DefectCase> defects() {
        return DefectTable.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defectIsCaughtByExactlyItsChecks(DefectCase c) {
        List<String> scenarios = scenariosOf(c.expected().keySet());
        RunResult r = StubHarness.run(EnumSet.of(c.defect()), c.version(), false, scenarios);
        Map<String, CheckResult> byId = StubHarness.byId(r);
        List<String> mismatches = new ArrayList<>();
        for (CheckResult check : r.checks()) {
            String actual = DefectCase.code(check);
            String expected = c.expected().getOrDefault(check.id(), applies(check.id(), c.version()) ? "OK" : "S");
            boolean tolerated = c.cascade() && !c.expected().containsKey(check.id()) && actual.equals("U");
            if (!actual.equals(expected) && !tolerated) {
                mismatches.add(check.id() + ": expected " + expected + ", got " + actual + " "
                        + check.errorMessage().orElse(""));
            }
        }
        assertThat(byId.keySet()).containsAll(c.expected().keySet());
        assertThat(mismatches).isEmpty();
        c.expected().forEach((id, code) -> assertThat(byId.get(id).status())
                .isEqualTo(DefectCase.statusOf(code, byId.get(id))));
    }

    @Test
    void everyDeclaredCheckIsShownToFailBySomeDefect() {
        Set<String> caught = DefectTable.cases().stream()
                .flatMap(c -> c.expected().entrySet().stream())
                .filter(e -> DefectCase.isNonSuccess(e.getValue()) && !e.getValue().equals("U"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = Scenarios.all().stream().flatMap(s -> s.checks().stream()).map(CheckSpec::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unproven = new TreeSet<>(declared);
        unproven.removeAll(caught);
        assertThat(unproven).as("checks no defect makes fail").isEmpty();
        assertThat(caught).as("table rows naming no declared check").isSubsetOf(declared);
    }

    static List<String> scenariosOf(Set<String> checkIds) {
        Set<String> out = new LinkedHashSet<>();
        for (Scenario s : Scenarios.all()) {
            if (s.checks().stream().anyMatch(c -> checkIds.contains(c.id()))) {
                out.add(s.id());
            }
        }
        return new ArrayList<>(out);
    }

    static boolean applies(String checkId, SpecVersion version) {
        return Scenarios.all().stream().flatMap(s -> s.checks().stream()).filter(c -> c.id().equals(checkId))
                .findFirst().orElseThrow().appliesTo(version);
    }
}
