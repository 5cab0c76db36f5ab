package dev.mcpauth.conformance.spec;

import java.util.Arrays;

/**
 * How strongly a checklist row binds a server in one spec version, in the words the specs use.
 * {@link #SILENT} marks duties no cited spec settles; the suite never reports them as FAILURE.
 */
public enum Obligation {
    MUST("MUST"),
    MUST_NOT("MUST NOT"),
    SHOULD("SHOULD"),
    SHOULD_NOT("SHOULD NOT"),
    MAY("MAY"),
    SILENT("silent");

    private final String label;

    Obligation(String label) {
        this.label = label;
    }

    /** As written in the catalogue and the reports, e.g. {@code SHOULD NOT} or {@code silent}. */
    public String label() {
        return label;
    }

    static Obligation parse(String text) {
        return Arrays.stream(values()).filter(o -> o.label.equals(text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown obligation '" + text + "'"));
    }
}
