package dev.mcpauth.conformance.spec;

/**
 * Normative weight of what a check verifies: MUST, SHOULD, or MAY (which also stands for
 * "no spec settles it"). What a violation reports follows from it (see
 * {@code result.Status#whenViolated}): MUST → FAILURE, SHOULD → WARNING, MAY → INFO.
 */
public enum Level {
    MUST,
    SHOULD,
    MAY
}
