package dev.mcpauth.conformance.run;

import dev.mcpauth.conformance.check.RunResult;

/**
 * Runs the selected scenarios against a target and returns every check.
 * Harness problems (target unreachable, bad options) are reported as untestable FAILURE
 * checks, not thrown, unless nothing at all can run.
 */
public final class ConformanceRunner {
    private ConformanceRunner() {
    }

    /** Placeholder: the scenario engine replaces this body. */
    public static RunResult run(RunOptions options, ProgressListener progress) {
        throw new UnsupportedOperationException("scenario engine not built yet");
    }
}
