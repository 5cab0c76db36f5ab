package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;


import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the both-ways table: a stub broken in one way, the spec version, and the verdict
 * every affected check must reach. Checks not listed must stay SUCCESS (or SKIPPED for the
 * version), except that a {@code cascade} row may leave them untestable.
 *
 * <p>Verdict codes: {@code F} FAILURE, {@code W} WARNING, {@code I} INFO, {@code U} untestable
 * (FAILURE, WARNING or INFO by the check's level).
 */
record DefectCase(StubDefect defect, SpecVersion version, Map<String, String> expected, boolean cascade) {
    DefectCase {
        Objects.requireNonNull(defect, "defect");
        expected = Map.copyOf(expected);
    }

    static DefectCase of(StubDefect defect, String... idAndCode) {
        return in(SpecVersion.V2025_11_25, defect, idAndCode);
    }

    static DefectCase in(SpecVersion version, StubDefect defect, String... idAndCode) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idAndCode.length; i += 2) {
            m.put(idAndCode[i], idAndCode[i + 1]);
        }
        return new DefectCase(defect, version, m, false);
    }

    DefectCase cascading() {
        return new DefectCase(defect, version, expected, true);
    }

    static String code(CheckResult c) {
        if (c.untestable()) {
            return "U";
        }
        return switch (c.status()) {
            case FAILURE -> "F";
            case WARNING -> "W";
            case INFO -> "I";
            case SKIPPED -> "S";
            case SUCCESS -> "OK";
        };
    }

    static boolean isNonSuccess(String code) {
        return !code.equals("OK") && !code.equals("S");
    }

    /** The status a code stands for; {@code U} (untestable) takes the status of the check's level. */
    static Status statusOf(String code, CheckResult check) {
        return code.equals("U") ? Status.whenViolated(check.level()) : statusOf(code);
    }

    static Status statusOf(String code) {
        return switch (code) {
            case "F" -> Status.FAILURE;
            case "W" -> Status.WARNING;
            case "I" -> Status.INFO;
            case "S" -> Status.SKIPPED;
            default -> Status.SUCCESS;
        };
    }

    @Override
    public String toString() {
        return defect + (version.equals(SpecVersion.V2025_11_25) ? "" : " @" + version) + " → " + expected;
    }
}
