package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.ProtectedUrl;
import dev.mcpauth.conformance.report.ReportWriter;
import dev.mcpauth.conformance.report.RunOutcome;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.spec.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --also-protect} proven both ways on the stub's protected non-MCP endpoint ({@link StubApiEndpoint}):
 * every check passes against the correct endpoint, and each defect makes exactly the checks it concerns
 * fail (F = FAILURE, W = WARNING, U = untestable), while every other check still passes.
 */
class AlsoProtectTest {
    private static final String SLUG = "get-api-items";

    private static RunResult run(Set<StubDefect> defects) {
        return StubHarness.run(defects, false, stub -> StubHarness.options(stub, SpecVersion.V2025_11_25,
                List.of("missing-token")).withAlsoProtect(List.of(ProtectedUrl.parse(stub.api().itemsUrl(), ""))));
    }

    private static String id(String what) {
        return ProtectedUrlChecks.PREFIX + "-" + what + "-" + SLUG;
    }

    @Test
    void correctEndpointPassesEveryCheckInItsOwnSection() {
        RunResult r = run(Set.of());
        ScenarioResult section = r.scenarios().stream().filter(s -> s.id().equals("protected-url-" + SLUG))
                .findFirst().orElseThrow();
        assertThat(section.title()).startsWith("Bearer edge of GET https://127.0.0.1:").endsWith("/api/items (--also-protect)");
        assertThat(section.checks()).hasSize(new ProtectedUrlChecks(SLUG).all().size());
        assertThat(section.checks()).allSatisfy(c -> assertThat(c.status())
                .as(c.id() + " " + c.errorMessage().orElse("")).isEqualTo(Status.SUCCESS));
        Map<String, String> files = new ReportWriter(Checklist.bundled()).render(RunOutcome.of(r));
        String url = section.title().substring("Bearer edge of GET ".length(), section.title().indexOf(" (--also"));
        assertThat(files).allSatisfy((name, text) -> assertThat(text).as(name).contains("protected-url-" + SLUG, url));
        // summary.md names checks only when they fail; every other format lists each check
        assertThat(files).allSatisfy((name, text) -> assertThat(name.equals("summary.md") || text
                .contains(id("alg-none-401"))).as(name).isTrue());
        assertThat(r.checks()).filteredOn(c -> c.scenarioId().equals("missing-token"))
                .allSatisfy(c -> assertThat(c.status()).isIn(Status.SUCCESS, Status.SKIPPED));
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of(StubDefect.API_NO_TOKEN_403, Map.of("no-token-401", "F")),
                Arguments.of(StubDefect.API_BROKEN_CHALLENGE, Map.of("no-token-challenge", "F")),
                Arguments.of(StubDefect.API_PRM_NOT_COVERING, Map.of("resource-metadata", "F")),
                Arguments.of(StubDefect.API_PRM_NOT_AT_WELL_KNOWN, Map.of("prm-well-known", "F")),
                Arguments.of(StubDefect.API_SERVER_ERROR_ON_MALFORMED, Map.of("malformed-token", "F")),
                Arguments.of(StubDefect.ACCEPT_EXPIRED, Map.of("expired-token-401", "F",
                        "invalid-token-challenge", "U", "invalid-token-error", "U")),
                Arguments.of(StubDefect.IGNORE_AUDIENCE, Map.of("wrong-audience-401", "F", "other-resource-401", "F")),
                Arguments.of(StubDefect.API_ACCEPTS_MCP_AUDIENCE, Map.of("other-resource-401", "F")),
                Arguments.of(StubDefect.IGNORE_ISSUER, Map.of("wrong-issuer-401", "F")),
                Arguments.of(StubDefect.SKIP_SIGNATURE, Map.of("bad-signature-401", "F")),
                Arguments.of(StubDefect.ACCEPT_ALG_NONE, Map.of("alg-none-401", "F")),
                Arguments.of(StubDefect.API_NO_CHALLENGE_ON_INVALID, Map.of("invalid-token-challenge", "F",
                        "invalid-token-error", "W")),
                Arguments.of(StubDefect.API_NO_ERROR_CODE, Map.of("invalid-token-error", "W")),
                Arguments.of(StubDefect.REJECT_ALL_TOKENS, untestableAfterGoodToken()));
    }

    private static Map<String, String> untestableAfterGoodToken() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("good-token-accepted", "F");
        for (String rest : List.of("malformed-token", "expired-token-401", "wrong-audience-401", "other-resource-401",
                "wrong-issuer-401", "bad-signature-401", "alg-none-401", "invalid-token-challenge")) {
            m.put(rest, "U");
        }
        m.put("invalid-token-error", "U");
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defectIsCaughtByExactlyItsChecks(StubDefect defect, Map<String, String> expected) {
        RunResult r = run(EnumSet.of(defect));
        Map<String, String> actual = new LinkedHashMap<>();
        for (CheckResult c : r.checks()) {
            if (c.scenarioId().startsWith(ProtectedUrlChecks.PREFIX)) {
                actual.put(c.id(), c.untestable() ? "U" : switch (c.status()) {
                    case SUCCESS -> "OK";
                    case FAILURE -> "F";
                    case WARNING -> "W";
                    default -> c.status().name();
                });
            }
        }
        Map<String, String> want = new LinkedHashMap<>();
        new ProtectedUrlChecks(SLUG).all().forEach(spec -> want.put(spec.id(), "OK"));
        expected.forEach((what, code) -> want.put(id(what), code));
        assertThat(actual).isEqualTo(want);
    }
}
