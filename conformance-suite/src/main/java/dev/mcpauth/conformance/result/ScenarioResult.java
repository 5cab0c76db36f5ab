package dev.mcpauth.conformance.result;

import java.util.List;
import java.util.Objects;

/**
 * All checks one scenario produced.
 *
 * @param id     kebab-case scenario id, e.g. {@code missing-token}
 * @param title  human title
 * @param rows   checklist rows the scenario covers
 * @param checks the checks, in the order they ran
 */
public record ScenarioResult(String id, String title, List<String> rows, List<CheckResult> checks) {
    public ScenarioResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        rows = List.copyOf(rows);
        checks = List.copyOf(checks);
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
