package dev.mcpauth.server.memory.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client may store and ask for. Everything is checked before the store is touched, so bad
 * input is answered with a reason and nothing already stored is affected.
 * <ul>
 *     <li>text: 1..{@value #MAX_TEXT_CODE_POINTS} characters, not blank;</li>
 *     <li>tags: at most {@value #MAX_TAGS}, each 1..{@value #MAX_TAG_CODE_POINTS} characters on one
 *     line (no control character at all: the store joins tags with a line feed);</li>
 *     <li>query: 1..{@value #MAX_QUERY_CODE_POINTS} characters;</li>
 *     <li>all of them well-formed Unicode (no lone surrogate, which no UTF-8 can carry) without
 *     control characters other than tab, line feed and carriage return (PostgreSQL cannot store
 *     U+0000, and the same rule holds on every store).</li>
 * </ul>
 */
public final class MemoryRules {

    public static final int MAX_TEXT_CODE_POINTS = 10_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_CODE_POINTS = 64;
    public static final int MAX_QUERY_CODE_POINTS = 500;
    public static final int MAX_SEARCH_LIMIT = 50;
    public static final int DEFAULT_SEARCH_LIMIT = 10;
    public static final int MAX_LIST_LIMIT = 100;
    public static final int DEFAULT_LIST_LIMIT = 20;

    private MemoryRules() {
    }

    public static NewMemory newMemory(String text, List<String> tags) throws InvalidMemoryException {
        return new NewMemory(text(text), tags(tags));
    }

    public static String text(String text) throws InvalidMemoryException {
        checkCharacters("text", text, true);
        if (text.isBlank()) {
            throw new InvalidMemoryException("text must not be empty or blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_CODE_POINTS) {
            throw new InvalidMemoryException("text is " + length + " characters long; at most "
                    + MAX_TEXT_CODE_POINTS + " are allowed");
        }
        return text;
    }

    /** Trimmed, duplicates dropped, order kept. */
    public static List<String> tags(List<String> tags) throws InvalidMemoryException {
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            checkCharacters("tag", tag, false);
            String trimmed = tag.strip();
            if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_TAG_CODE_POINTS) {
                throw new InvalidMemoryException("each tag must be 1.." + MAX_TAG_CODE_POINTS + " characters");
            }
            unique.add(trimmed);
        }
        if (unique.size() > MAX_TAGS) {
            throw new InvalidMemoryException("at most " + MAX_TAGS + " tags are allowed, got " + unique.size());
        }
        return new ArrayList<>(unique);
    }

    public static String query(String query) throws InvalidMemoryException {
        checkCharacters("query", query, true);
        String trimmed = query.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidMemoryException("query must not be empty or blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_QUERY_CODE_POINTS) {
            throw new InvalidMemoryException("query is longer than " + MAX_QUERY_CODE_POINTS + " characters");
        }
        return trimmed;
    }

    public static int limit(String name, long value, int max) throws InvalidMemoryException {
        if (value < 1 || value > max) {
            throw new InvalidMemoryException(name + " must be between 1 and " + max + ", got " + value);
        }
        return (int) value;
    }

    public static MemoryId id(String text) throws InvalidMemoryException {
        return MemoryId.parse(text).orElseThrow(
                () -> new InvalidMemoryException("id must be a memory id as returned by memory_add (a UUID)"));
    }

    /** Well-formed UTF-16 without control characters; tab, line feed and carriage return only where allowed. */
    private static void checkCharacters(String what, String value, boolean whitespaceControls) throws InvalidMemoryException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidMemoryException(what + " is not well-formed Unicode (lone surrogate at index " + i + ")");
            } else if (Character.isISOControl(c) && !(whitespaceControls && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new InvalidMemoryException(what + " contains control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }
}
