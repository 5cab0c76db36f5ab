package dev.mcpauth.conformance.check;

/**
 * Normative level of a requirement, as the checklist gives it. It decides what a failed
 * check reports: MUST → {@link Status#FAILURE}, SHOULD → {@link Status#WARNING},
 * MAY or silent → {@link Status#INFO}.
 */
public enum Level {
    MUST(Status.FAILURE),
    SHOULD(Status.WARNING),
    MAY(Status.INFO);

    private final Status whenViolated;

    Level(Status whenViolated) {
        this.whenViolated = whenViolated;
    }

    /** The status a check at this level reports when the server does not meet it. */
    public Status whenViolated() {
        return whenViolated;
    }
}
