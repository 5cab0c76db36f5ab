package dev.mcpauth.conformance.run;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.scenario.CheckListener;

/** Told about progress while a run goes on; the CLI prints it to the console. */
public interface ProgressListener extends CheckListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void scenarioStarted(String scenarioId, String title) {
    }

    @Override
    default void checkFinished(CheckResult check) {
    }

    default void scenarioFinished(ScenarioResult result) {
    }
}
