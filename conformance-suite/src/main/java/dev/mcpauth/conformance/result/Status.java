package dev.mcpauth.conformance.result;

import dev.mcpauth.conformance.spec.Level;

/**
 * Verdict of one check. The names are those of the official MCP conformance suite's
 * {@code ConformanceCheck.status}, so reports from both tools read the same way.
 *
 * <p>A missing prerequisite is never {@link #SKIPPED} nor {@link #SUCCESS}: it is the status the
 * check's level gives a violation ({@link #FAILURE} for MUST, {@link #WARNING} for SHOULD,
 * {@link #INFO} for MAY) with {@link CheckResult#untestable()} set, because a green skip hides a gap.
 * {@link #SKIPPED} is only for checks that do not apply to the selected spec version.
 */
public enum Status {
    SUCCESS,
    FAILURE,
    WARNING,
    INFO,
    SKIPPED;

    /** The status a check at this level reports when the server does not meet it. */
    public static Status whenViolated(Level level) {
        return switch (level) {
            case MUST -> FAILURE;
            case SHOULD -> WARNING;
            case MAY -> INFO;
        };
    }
}
