package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;

import java.util.List;
import java.util.Objects;

/**
 * A run after the expected-failures file was applied: what the reports render and what the
 * exit code is computed from.
 *
 * <p>An expected (known) failure keeps its {@link Status#FAILURE} status, so every report still
 * shows it as a failure, and carries {@code details.expectedFailure = true}. Only unexpected
 * failures and stale entries fail the run. WARNING, INFO and SKIPPED never do: the gate is on
 * MUST-level requirements, which are the only ones that report FAILURE (a MUST check whose
 * prerequisite is missing also reports FAILURE, marked untestable, and so also fails the run; an
 * untestable SHOULD or MAY check reports WARNING or INFO).
 *
 * @param result       the run, expected failures marked
 * @param staleEntries expected-failures entries that no longer match a failure
 */
public record RunOutcome(RunResult result, List<StaleEntry> staleEntries) {
    /** The {@code details} key that marks a failure listed in the expected-failures file. */
    public static final String EXPECTED_FAILURE = "expectedFailure";

    public static final int EXIT_PASS = 0;
    public static final int EXIT_FAIL = 1;
    public static final int EXIT_USAGE = 2;

    public RunOutcome {
        Objects.requireNonNull(result, "result");
        staleEntries = List.copyOf(staleEntries);
    }

    /** A run with no expected-failures file. */
    public static RunOutcome of(RunResult result) {
        return new RunOutcome(result, List.of());
    }

    /** True for a FAILURE that the expected-failures file lists. */
    public static boolean isExpectedFailure(CheckResult check) {
        return check.status() == Status.FAILURE
                && Boolean.TRUE.equals(check.details().get(EXPECTED_FAILURE));
    }

    /** True for a FAILURE that counts against the run. */
    public static boolean isUnexpectedFailure(CheckResult check) {
        return check.status() == Status.FAILURE && !isExpectedFailure(check);
    }

    public List<CheckResult> unexpectedFailures() {
        return result.checks().stream().filter(RunOutcome::isUnexpectedFailure).toList();
    }

    public List<CheckResult> expectedFailures() {
        return result.checks().stream().filter(RunOutcome::isExpectedFailure).toList();
    }

    public boolean passed() {
        return unexpectedFailures().isEmpty() && staleEntries.isEmpty();
    }

    /** 0 when no unexpected FAILURE and no stale entry, else 1. */
    public int exitCode() {
        return passed() ? EXIT_PASS : EXIT_FAIL;
    }

    /** "PASS" or "FAIL". */
    public String verdict() {
        return passed() ? "PASS" : "FAIL";
    }

    /**
     * Why the run failed, observed failures apart from untestable MUST checks, e.g. "2 unexpected
     * failures, 3 untestable MUST checks, 1 stale expected-failure entry"; empty when it passed.
     */
    public String failureReason() {
        long failures = unexpectedFailures().stream().filter(c -> !c.untestable()).count();
        long untestable = unexpectedFailures().stream().filter(CheckResult::untestable).count();
        int stale = staleEntries.size();
        StringBuilder reason = new StringBuilder();
        if (failures > 0) {
            reason.append(Format.plural(failures, "unexpected failure", "unexpected failures"));
        }
        if (untestable > 0) {
            if (!reason.isEmpty()) {
                reason.append(", ");
            }
            reason.append(Format.plural(untestable, "untestable MUST check", "untestable MUST checks"));
        }
        if (stale > 0) {
            if (!reason.isEmpty()) {
                reason.append(", ");
            }
            reason.append(Format.plural(stale, "stale expected-failure entry", "stale expected-failure entries"));
        }
        return reason.toString();
    }
}
