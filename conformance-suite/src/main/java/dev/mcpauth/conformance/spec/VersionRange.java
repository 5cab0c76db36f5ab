package dev.mcpauth.conformance.spec;

/**
 * A contiguous run of spec versions, written in the catalogue as {@code all}, {@code 06},
 * {@code 06+} or {@code 03-11} (two-digit codes of {@link SpecVersion#code()}).
 */
public record VersionRange(SpecVersion first, SpecVersion last) {
    private static final SpecVersion[] ALL = SpecVersion.values();

    public VersionRange {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("empty version range " + first + " to " + last);
        }
    }

    static VersionRange parse(String text) {
        String t = text.strip();
        if (t.equals("all")) {
            return new VersionRange(ALL[0], ALL[ALL.length - 1]);
        }
        if (t.endsWith("+")) {
            return new VersionRange(SpecVersion.fromCode(t.substring(0, t.length() - 1)), ALL[ALL.length - 1]);
        }
        String[] ends = t.split("-", 2);
        return new VersionRange(SpecVersion.fromCode(ends[0]), SpecVersion.fromCode(ends[ends.length - 1]));
    }

    public boolean contains(SpecVersion v) {
        return v.atLeast(first) && v.atMost(last);
    }

    /** The smallest range holding both. */
    VersionRange span(VersionRange other) {
        return new VersionRange(first.compareTo(other.first) <= 0 ? first : other.first,
                last.compareTo(other.last) >= 0 ? last : other.last);
    }

    /** "all versions", "2025-06-18 and later", "2025-03-26 only" or "2025-03-26 to 2025-11-25". */
    public String label() {
        if (first == ALL[0] && last == ALL[ALL.length - 1]) {
            return "all versions";
        }
        if (first == last) {
            return first.label() + " only";
        }
        return last == ALL[ALL.length - 1] ? first.label() + " and later" : first.label() + " to " + last.label();
    }
}
