package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Small text helpers shared by the report writers and the console. */
public final class Format {
    private Format() {
    }

    /** "1 warning", "2 warnings". */
    public static String plural(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** "3.2 s". */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Seconds with millisecond precision, as JUnit's {@code time} attribute wants: "3.200". */
    public static String junitSeconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** The first line of a text, shortened to at most {@code max} characters with an ellipsis. */
    public static String firstLine(String text, int max) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        if (line.length() > max) {
            line = line.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
        }
        return line;
    }

    /** One-character marker of a status: ✓ ✗ ! i -. */
    public static String symbol(Status status) {
        return switch (status) {
            case SUCCESS -> "✓";
            case FAILURE -> "✗";
            case WARNING -> "!";
            case INFO -> "i";
            case SKIPPED -> "-";
        };
    }

    /** What to say about a check in one line: its error message when it has one, else its name. */
    public static String message(CheckResult check) {
        return check.errorMessage().filter(m -> !m.isBlank()).orElse(check.name());
    }

    /** Qualifiers of a check's status in parentheses, e.g. " (untestable, expected failure)", or "". */
    public static String qualifiers(CheckResult check) {
        String words = qualifierWords(check);
        return words.isEmpty() ? "" : " (" + words + ")";
    }

    /** Qualifiers of a check's status: "untestable", "expected failure", both, or "". */
    public static String qualifierWords(CheckResult check) {
        boolean expected = RunOutcome.isExpectedFailure(check);
        if (check.untestable() && expected) {
            return "untestable, expected failure";
        }
        if (check.untestable()) {
            return "untestable";
        }
        return expected ? "expected failure" : "";
    }

    /** Checks with this status that were observed, i.e. not untestable. */
    public static long observed(List<CheckResult> checks, Status status) {
        return checks.stream().filter(c -> c.status() == status && !c.untestable()).count();
    }

    /** Untestable checks (any status). */
    public static long untestable(List<CheckResult> checks) {
        return checks.stream().filter(CheckResult::untestable).count();
    }

    /**
     * The counts with observed verdicts apart from untestable ones, e.g. "41 passed, 10 failed
     * (2 expected), 3 warnings, 1 info, 3 skipped, 42 untestable (30 MUST, 10 SHOULD, 2 MAY)";
     * zero counts after "failed" are left out.
     */
    public static String tally(List<CheckResult> checks) {
        long failed = observed(checks, Status.FAILURE);
        long known = checks.stream().filter(c -> !c.untestable() && RunOutcome.isExpectedFailure(c)).count();
        StringBuilder text = new StringBuilder().append(observed(checks, Status.SUCCESS)).append(" passed, ")
                .append(failed).append(" failed");
        if (known > 0) {
            text.append(" (").append(known).append(" expected)");
        }
        long warnings = observed(checks, Status.WARNING);
        long info = observed(checks, Status.INFO);
        long skipped = observed(checks, Status.SKIPPED);
        if (warnings > 0) {
            text.append(", ").append(plural(warnings, "warning", "warnings"));
        }
        if (info > 0) {
            text.append(", ").append(info).append(" info");
        }
        if (skipped > 0) {
            text.append(", ").append(skipped).append(" skipped");
        }
        long untestable = untestable(checks);
        if (untestable > 0) {
            text.append(", ").append(untestable).append(" untestable (").append(untestableByLevel(checks)).append(')');
        }
        return text.toString();
    }

    /** "30 MUST, 10 SHOULD, 2 MAY" for the untestable checks, zero counts left out. */
    public static String untestableByLevel(List<CheckResult> checks) {
        List<String> parts = new java.util.ArrayList<>();
        for (Level level : Level.values()) {
            long n = checks.stream().filter(c -> c.untestable() && c.level() == level).count();
            if (n > 0) {
                parts.add(n + " " + level.name());
            }
        }
        return String.join(", ", parts);
    }

    /** How bad a status is, for "worst status" summaries: FAILURE highest, SKIPPED lowest. */
    public static int severity(Status status) {
        return switch (status) {
            case FAILURE -> 4;
            case WARNING -> 3;
            case INFO -> 2;
            case SUCCESS -> 1;
            case SKIPPED -> 0;
        };
    }
}
