package dev.mcpauth.conformance.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The suite's checklist: every resource-server duty (rows such as {@code RS-17}) and the
 * policies where the specs are silent or disagree (such as {@code P-04}), read from the bundled {@value #RESOURCE}. Reports,
 * {@code --help} and {@code docs/rs-checklist.md} are made from it.
 */
public final class Checklist {
    public static final String RESOURCE = "/dev/mcpauth/conformance/spec/rs-checklist.txt";

    private final List<ChecklistRow> rows;
    private final List<Policy> policies;

    public Checklist(List<ChecklistRow> rows, List<Policy> policies) {
        this.rows = List.copyOf(rows);
        this.policies = List.copyOf(policies);
        for (Policy p : this.policies) {
            p.rows().forEach(id -> row(id).orElseThrow(
                    () -> new IllegalArgumentException(p.id() + " names unknown row " + id)));
        }
    }

    /** The checklist bundled with the suite. */
    public static Checklist bundled() {
        try (InputStream in = Checklist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the suite jar");
            }
            return ChecklistParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses catalogue text in the format of the bundled resource. */
    public static Checklist parse(String text) {
        return ChecklistParser.parse(text);
    }

    public List<ChecklistRow> rows() {
        return rows;
    }

    public List<Policy> policies() {
        return policies;
    }

    public Optional<ChecklistRow> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Policy> policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The policies that settle this row, in policy order. */
    public List<Policy> policiesFor(String rowId) {
        return policies.stream().filter(p -> p.rows().contains(rowId)).toList();
    }
}
