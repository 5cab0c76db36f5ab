package dev.mcpauth.conformance.run;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.scenario.Scenario;

import java.util.List;

/**
 * {@code --check}: the scenarios that hold the selected checks run as usual (a scenario's checks
 * share its requests), and only the selected checks are shown and reported. An empty selection
 * keeps everything.
 */
record CheckSelection(List<String> ids) {
    CheckSelection {
        ids = List.copyOf(ids);
    }

    List<Scenario> scenarios(List<Scenario> candidates) {
        return ids.isEmpty() ? candidates : candidates.stream()
                .filter(s -> s.checks().stream().anyMatch(c -> ids.contains(c.id()))).toList();
    }

    boolean shows(CheckResult check) {
        return ids.isEmpty() || ids.contains(check.id());
    }

    /** The result with only the selected checks, and the rows they cover. */
    ScenarioResult keep(ScenarioResult result) {
        if (ids.isEmpty()) {
            return result;
        }
        List<CheckResult> kept = result.checks().stream().filter(this::shows).toList();
        return new ScenarioResult(result.id(), result.title(),
                kept.stream().flatMap(c -> c.rows().stream()).distinct().sorted().toList(), kept);
    }

    /** Progress that mentions only the selected checks. */
    ProgressListener filter(ProgressListener progress) {
        if (ids.isEmpty()) {
            return progress;
        }
        return new ProgressListener() {
            @Override
            public void scenarioStarted(String scenarioId, String title) {
                progress.scenarioStarted(scenarioId, title);
            }

            @Override
            public void checkFinished(CheckResult check) {
                if (shows(check)) {
                    progress.checkFinished(check);
                }
            }

            @Override
            public void scenarioFinished(ScenarioResult result) {
                progress.scenarioFinished(keep(result));
            }
        };
    }
}
