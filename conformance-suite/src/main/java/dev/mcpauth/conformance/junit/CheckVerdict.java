package dev.mcpauth.conformance.junit;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.Status;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/** One check's result as a JUnit outcome: FAILURE fails, WARNING fails when asked, SKIPPED and unselected abort. */
final class CheckVerdict {
    private CheckVerdict() {
    }

    static void assertPassed(String checkId, RunResult run, boolean failOnWarning) {
        Optional<CheckResult> found = run.checks().stream().filter(c -> c.id().equals(checkId)).findFirst();
        Assumptions.assumeTrue(found.isPresent(), () -> checkId + " was not requested in this run");
        CheckResult check = found.orElseThrow();
        Assumptions.assumeFalse(check.status() == Status.SKIPPED, () -> checkId + " skipped: " + message(check));
        boolean fails = check.status() == Status.FAILURE || (failOnWarning && check.status() == Status.WARNING);
        if (fails) {
            Assertions.fail(describe(check));
        }
    }

    /** {@code FAILURE (MUST, untestable) RS-62: message; rows …}. */
    static String describe(CheckResult check) {
        return check.status() + " (" + check.level() + (check.untestable() ? ", untestable" : "") + ") " + check.id()
                + " " + check.rows() + ": " + message(check);
    }

    private static String message(CheckResult check) {
        return check.errorMessage().orElse(check.name());
    }
}
