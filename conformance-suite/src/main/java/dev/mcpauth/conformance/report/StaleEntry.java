package dev.mcpauth.conformance.report;

import java.util.Objects;

/**
 * An expected-failures entry that no longer describes a failure: it matched nothing in this
 * run, or every check it matched passed. A stale entry fails the run, so the list of known
 * failures cannot silently outlive the bugs it records.
 *
 * @param entry  the entry as written, {@code scenario} or {@code scenario:check-id}
 * @param line   its line number in the expected-failures file (1-based)
 * @param reason why it is stale, e.g. "no check failed (2 matched: SUCCESS, WARNING)"
 */
public record StaleEntry(String entry, int line, String reason) {
    public StaleEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for consoles and reports. */
    public String describe() {
        return "stale expected-failure entry '" + entry + "' (line " + line + "): " + reason;
    }
}
