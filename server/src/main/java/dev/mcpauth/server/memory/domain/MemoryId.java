package dev.mcpauth.server.memory.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A memory's id: a random UUID in its canonical lower-case form, never guessable from another. */
public record MemoryId(String value) {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public MemoryId {
        if (!CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a memory id: " + value);
        }
    }

    public static MemoryId random() {
        return new MemoryId(UUID.randomUUID().toString());
    }

    /** The id a client sent, if it has the shape of one (upper-case hex is accepted). */
    public static Optional<MemoryId> parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CANONICAL.matcher(lower).matches() ? Optional.of(new MemoryId(lower)) : Optional.empty();
    }
}
