package dev.mcpauth.conformance.cli;

import java.util.List;
import java.util.Objects;

/** The scenarios this build knows, for {@code list} and for checking {@code --scenario} ids. */
@FunctionalInterface
public interface ScenarioCatalog {

    /** One scenario's id and title. */
    record Scenario(String id, String title) {
        public Scenario {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /** Every scenario, in run order. */
    List<Scenario> scenarios();
}
