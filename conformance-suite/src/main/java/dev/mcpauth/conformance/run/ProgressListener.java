package dev.mcpauth.conformance.run;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.ScenarioResult;

/** Told about progress while a run goes on; the CLI prints it to the console. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void scenarioStarted(String scenarioId, String title) {
    }

    default void checkFinished(CheckResult check) {
    }

    default void scenarioFinished(ScenarioResult result) {
    }
}
