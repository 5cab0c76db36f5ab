package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.scenario.Scenarios;

import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios of this build ({@link Scenarios#all()}, then the opaque-token profile's own
 * {@code introspection}), for {@code list} and {@code --scenario} checks.
 */
public final class BuiltInScenarios implements ScenarioCatalog {

    @Override
    public List<Scenario> scenarios() {
        return Stream.concat(Scenarios.all().stream(), Scenarios.opaqueOnly().stream())
                .map(s -> new Scenario(s.id(), s.title(), s.checks().stream().map(c -> c.id()).toList()))
                .toList();
    }
}
