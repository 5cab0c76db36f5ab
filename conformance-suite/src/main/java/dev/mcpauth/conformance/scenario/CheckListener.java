package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.result.CheckResult;

/** Told about every check as soon as {@link CheckRecorder} records it (the console prints progress). */
@FunctionalInterface
public interface CheckListener {
    CheckListener NONE = check -> {
    };

    void checkFinished(CheckResult check);
}
