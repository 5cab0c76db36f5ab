package dev.mcpauth.conformance.run;

/**
 * The run cannot start: the target does not answer at all, or the issuer named with
 * {@code --issuer} cannot be used. Judging checks against a dead peer would only produce a page
 * of untestable verdicts, so the CLI prints the one-line reason, exits 2 and writes no report.
 */
public final class RunAborted extends RuntimeException {
    public RunAborted(String reason) {
        super(reason);
    }
}
