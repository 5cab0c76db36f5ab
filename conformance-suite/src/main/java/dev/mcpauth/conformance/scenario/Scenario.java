package dev.mcpauth.conformance.scenario;


import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.spec.CheckSpec;
import java.util.List;

/**
 * A group of checks around one behaviour (e.g. {@code missing-token}). A scenario declares its
 * checks up front; {@link #run} records a verdict for each of them through the recorder.
 */
public interface Scenario {
    /** Kebab-case id, e.g. {@code missing-token}. */
    String id();

    String title();

    /** Checklist rows covered: the union of its checks' rows, in row order. */
    default List<String> rows() {
        return checks().stream().flatMap(c -> c.rows().stream()).distinct().sorted().toList();
    }

    /** The spec versions it applies to (every supported version unless said otherwise). */
    default List<SpecVersion> specVersions() {
        return SpecVersion.runnableVersions();
    }

    /** Every check it can record, in order. */
    List<CheckSpec> checks();

    /** Sends its requests and records a verdict for every declared check. */
    void run(ScenarioContext ctx, CheckRecorder rec);
}
