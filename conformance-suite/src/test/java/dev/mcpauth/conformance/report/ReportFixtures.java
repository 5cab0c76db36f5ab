package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.SpecVersion;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.spec.SpecReference;
import dev.mcpauth.conformance.result.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed run for report tests: several scenarios, every status, an untestable failure, an
 * expected failure, stale entries, exchanges with headers and bodies, and text that needs
 * escaping in every output format.
 */
public final class ReportFixtures {
    public static final String TARGET = "http://127.0.0.1:9/mcp";
    public static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");
    public static final String HOSTILE = "<script>alert(\"x\")</script> & 'quotes' | `tick` *star*";

    private static final SpecReference RFC6750_3_1 =
            new SpecReference("RFC6750-3.1", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1");
    private static final SpecReference MCP_AUTHZ = new SpecReference("MCP-2025-06-18-authorization",
            "https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization");

    private ReportFixtures() {
    }

    /** The run with {@code details.expectedFailure} set on one check and two stale entries. */
    public static RunOutcome outcome() {
        return new RunOutcome(run(true), List.of(
                new StaleEntry("missing-token", 3, "no matched check failed any more (2 SUCCESS, 1 WARNING, 1 INFO); remove the entry"),
                new StaleEntry("expired-token:no-such-check", 5, "matches no check in scenario expired-token")));
    }

    /** The same run before expected failures are applied (no check marked). */
    public static RunResult rawRun() {
        return run(false);
    }

    private static RunResult run(boolean markExpected) {
        return new RunResult("0.1.0-test", TARGET, SpecVersion.V2025_06_18, STARTED, Duration.ofMillis(3210), List.of(
                missingToken(), expiredToken(), wrongAudience(markExpected), metadata()));
    }

    private static ScenarioResult missingToken() {
        String prm = "http://127.0.0.1:9/.well-known/oauth-protected-resource/mcp";
        Exchange noToken = new Exchange("POST", TARGET,
                List.of(Map.entry("Content-Type", "application/json"), Map.entry("Accept", "application/json, text/event-stream")),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
                401,
                List.of(Map.entry("WWW-Authenticate", "Bearer error=\"invalid_token\", resource_metadata=\"" + prm + "\""),
                        Map.entry("Content-Type", "text/html")),
                HOSTILE);
        return new ScenarioResult("missing-token", "Missing token", List.of("RS-17", "RS-18", "RS-19", "RS-20"), List.of(
                check("missing-token", "missing-token-status-401", "401 without a token", List.of("RS-17"), Level.MUST,
                        Status.SUCCESS, 0, Map.of(), null, false, List.of(noToken)),
                check("missing-token", "missing-token-challenge-bearer", "Bearer challenge present", List.of("RS-18"),
                        Level.MUST, Status.SUCCESS, 1, Map.of(), null, false, List.of(noToken)),
                check("missing-token", "missing-token-no-error-code", "No error code without credentials", List.of("RS-19"),
                        Level.SHOULD, Status.WARNING, 2, ordered("error", "invalid_token"),
                        "expected no error parameter when no credentials were sent; got error=\"invalid_token\", "
                                + "error_description=\"<script>alert(1)</script> | *x*\"", false,
                        List.of(noToken)),
                check("missing-token", "missing-token-scope-hint", "Scope named in the challenge", List.of("RS-20"),
                        Level.MAY, Status.INFO, 3, Map.of(),
                        "the challenge names no scope (optional under 2025-06-18)", false, List.of())));
    }

    private static ScenarioResult expiredToken() {
        Exchange expired = new Exchange("POST", TARGET,
                List.of(Map.entry("Authorization", "Bearer [redacted:expired]"), Map.entry("Content-Type", "application/json")),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                200,
                List.of(Map.entry("Content-Type", "application/json")),
                "{\"result\":{\"tools\":[]},\"note\":\"caf\u00e9 \u2713 \u0001 bell\"}");
        Map<String, Object> details = ordered("expected", 401, "actual", 200);
        details.put("claims", ordered("exp", 1767322445L, "note", "a|b <c>"));
        details.put("schemes", List.of("Bearer", "DPoP"));
        Exchange refused = new Exchange("GET", TARGET + "?x=<y>", List.of(), "", 0, List.of(), "");
        return new ScenarioResult("expired-token", "Expired token", List.of("RS-32", "RS-36"), List.of(
                check("expired-token", "expired-token-status-401", "Expired token gets 401", List.of("RS-32"), Level.MUST,
                        Status.FAILURE, 4, details, "expected status 401 for an expired token, got 200\nthe server served tools/list",
                        false, List.of(expired)),
                check("expired-token", "expired-token-beats-scope", "Expiry wins over missing scope", List.of("RS-36"),
                        Level.MUST, Status.FAILURE, 5, ordered("untestable", true, "prerequisite", "--privileged-tool"),
                        "untestable: no tool needing a privileged scope was found; pass --privileged-tool", true,
                        List.of(refused))));
    }

    private static ScenarioResult wrongAudience(boolean markExpected) {
        Map<String, Object> details = ordered("aud", "https://other.test/mcp");
        if (markExpected) {
            details.put(RunOutcome.EXPECTED_FAILURE, true);
        }
        return new ScenarioResult("wrong-audience", "Wrong audience", List.of("RS-53"), List.of(
                check("wrong-audience", "wrong-audience-status-401", "Token for another resource gets 401",
                        List.of("RS-53"), Level.MUST, Status.FAILURE, 6, details,
                        "expected 401 for aud=https://other.test/mcp, got 200", false, List.of()),
                check("wrong-audience", "wrong-audience-challenge-invalid-token", "invalid_token in the challenge",
                        List.of("RS-53"), Level.MUST, Status.SUCCESS, 7, Map.of(), null, false, List.of())));
    }

    private static ScenarioResult metadata() {
        return new ScenarioResult("protected-resource-metadata", "Protected Resource Metadata",
                List.of("RS-04", "RS-08"), List.of(
                check("protected-resource-metadata", "prm-resource-matches-target", "PRM resource equals the target",
                        List.of("RS-04", "RS-99"), Level.MUST, Status.SUCCESS, 8, Map.of(), null, false, List.of()),
                check("protected-resource-metadata", "prm-no-offline-access", "No offline_access in scopes_supported",
                        List.of("RS-08"), Level.SHOULD, Status.SKIPPED, 9, Map.of(),
                        "applies to 2026-07-28 only", false, List.of())));
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static CheckResult check(String scenario, String id, String name, List<String> rows, Level level,
                                    Status status, int second, Map<String, Object> details, String errorMessage,
                                    boolean untestable, List<Exchange> exchanges) {
        return new CheckResult(id, name, "Checks that " + name.toLowerCase() + ".", scenario, rows, level, status,
                STARTED.plusSeconds(second), List.of(RFC6750_3_1, MCP_AUTHZ), details,
                Optional.ofNullable(errorMessage), untestable, exchanges);
    }
}
