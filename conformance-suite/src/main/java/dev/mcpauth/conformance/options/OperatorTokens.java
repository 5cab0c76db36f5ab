package dev.mcpauth.conformance.options;

import java.util.Objects;
import java.util.Optional;

/**
 * Operator-supplied tokens that let operator-token mode test rows a single token cannot.
 *
 * @param otherUser     a valid token of a second principal (session binding, RS-69)
 * @param otherAudience a token from the same authorization server minted for another resource
 *                      (audience checks, RS-53 and RS-57)
 */
public record OperatorTokens(Optional<String> otherUser, Optional<String> otherAudience) {
    public static final OperatorTokens NONE = new OperatorTokens(Optional.empty(), Optional.empty());

    public OperatorTokens {
        Objects.requireNonNull(otherUser, "otherUser");
        Objects.requireNonNull(otherAudience, "otherAudience");
    }

    @Override
    public String toString() {
        return "OperatorTokens[otherUser=" + (otherUser.isPresent() ? "<set>" : "-") + ", otherAudience="
                + (otherAudience.isPresent() ? "<set>" : "-") + "]";
    }
}
