package dev.mcpauth.conformance.result;

import dev.mcpauth.conformance.spec.SpecVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole run against one target: what every report writer renders.
 *
 * @param suiteVersion version of this suite
 * @param target       the MCP endpoint URL under test
 * @param specVersion  the MCP spec version profile used, e.g. {@code 2025-06-18}
 * @param startedAt    when the run began
 * @param duration     how long it took
 * @param scenarios    scenario results, in run order
 * @param notes        what the reader must know about how the run went, e.g. that it moved to the {@code typ} the
 *                     target accepts; empty for most runs
 */
public record RunResult(String suiteVersion,
                        String target,
                        SpecVersion specVersion,
                        Instant startedAt,
                        Duration duration,
                        List<ScenarioResult> scenarios,
                        List<String> notes) {
    public RunResult {
        Objects.requireNonNull(suiteVersion, "suiteVersion");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        scenarios = List.copyOf(scenarios);
        notes = List.copyOf(notes);
    }

    /** A run without notes. */
    public RunResult(String suiteVersion, String target, SpecVersion specVersion, Instant startedAt, Duration duration,
                     List<ScenarioResult> scenarios) {
        this(suiteVersion, target, specVersion, startedAt, duration, scenarios, List.of());
    }

    /** The same run with these scenario results (notes kept). */
    public RunResult withScenarios(List<ScenarioResult> newScenarios) {
        return new RunResult(suiteVersion, target, specVersion, startedAt, duration, newScenarios, notes);
    }

    public List<CheckResult> checks() {
        return scenarios.stream().flatMap(s -> s.checks().stream()).toList();
    }

    public long count(Status status) {
        return checks().stream().filter(c -> c.status() == status).count();
    }
}
