package dev.mcpauth.conformance.options;

/**
 * How strictly the JWT {@code typ} header is judged (docs/rs-checklist.md, policy P-04: MCP never requires RFC 9068,
 * which makes {@code at+jwt} a MUST, so the choice is the operator's).
 */
public enum TypProfile {
    /** {@code typ} other than {@code at+jwt} accepted: a WARNING (the default; many ASes send {@code JWT}) */
    LENIENT,
    /** RFC 9068 enforced: accepting {@code typ JWT} or no {@code typ} is a FAILURE */
    RFC9068;

    /** {@code lenient} or {@code rfc9068}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
