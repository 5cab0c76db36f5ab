package dev.mcpauth.conformance.http;

import java.util.List;
import java.util.Optional;

/**
 * The result of parsing every {@code WWW-Authenticate} field line of one response.
 *
 * @param fieldLines the raw field lines, in order
 * @param challenges challenges of all lines that parsed, in order
 * @param errors     one message per line that did not parse (a strict parser keeps nothing of
 *                   a broken line)
 */
public record ParsedChallenges(List<String> fieldLines, List<Challenge> challenges, List<String> errors) {
    public ParsedChallenges {
        fieldLines = List.copyOf(fieldLines);
        challenges = List.copyOf(challenges);
        errors = List.copyOf(errors);
    }

    public boolean present() {
        return !fieldLines.isEmpty();
    }

    public boolean valid() {
        return present() && errors.isEmpty();
    }

    /** The first Bearer challenge, whatever its position. */
    public Optional<Challenge> bearer() {
        return challenges.stream().filter(Challenge::isBearer).findFirst();
    }

    /** Whether the first challenge of the first line is Bearer (what the TS SDK client needs). */
    public boolean bearerFirst() {
        return !challenges.isEmpty() && challenges.get(0).isBearer() && errors.isEmpty();
    }
}
