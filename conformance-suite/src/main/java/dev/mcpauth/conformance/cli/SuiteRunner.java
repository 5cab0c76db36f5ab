package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.run.ProgressListener;
import dev.mcpauth.conformance.options.RunOptions;

/** What {@code run} calls to run the scenarios; {@code ConformanceRunner::run} in production, a stub in tests. */
@FunctionalInterface
public interface SuiteRunner {
    RunResult run(RunOptions options, ProgressListener progress);
}
