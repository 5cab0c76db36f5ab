package dev.mcpauth.conformance.cli;

import java.util.List;
import java.util.Objects;

/** The scenarios this build knows, for {@code list} and for checking {@code --scenario} ids. */
@FunctionalInterface
public interface ScenarioCatalog {

    /** One scenario's id, title and check ids. */
    record Scenario(String id, String title, List<String> checks) {
        public Scenario {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            checks = List.copyOf(checks);
        }

        public Scenario(String id, String title) {
            this(id, title, List.of());
        }
    }

    /** Every scenario, in run order. */
    List<Scenario> scenarios();
}
