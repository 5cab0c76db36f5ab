package dev.mcpauth.conformance.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A dated MCP specification version. 2025-03-26 is known to the checklist (its rows name it) but
 * the suite does not run against it: it predates the resource-server model.
 */
public enum SpecVersion {
    V2025_03_26("2025-03-26", "03", false),
    V2025_06_18("2025-06-18", "06", true),
    V2025_11_25("2025-11-25", "11", true),
    V2026_07_28("2026-07-28", "26", true);

    /** The version a run uses when none is given. */
    public static final SpecVersion DEFAULT = V2025_11_25;

    private final String label;
    private final String code;
    private final boolean runnable;

    SpecVersion(String label, String code, boolean runnable) {
        this.label = label;
        this.code = code;
        this.runnable = runnable;
    }

    /** The date as the spec writes it, e.g. {@code 2025-11-25}; also the MCP protocol version string. */
    public String label() {
        return label;
    }

    /** The two-digit short form the checklist catalogue uses: {@code 03}, {@code 06}, {@code 11}, {@code 26}. */
    public String code() {
        return code;
    }

    /** True when the suite can run a profile for this version. */
    public boolean runnable() {
        return runnable;
    }

    public boolean atLeast(SpecVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean atMost(SpecVersion other) {
        return compareTo(other) <= 0;
    }

    /** The versions the suite can run, oldest first. */
    public static List<SpecVersion> runnableVersions() {
        return Arrays.stream(values()).filter(SpecVersion::runnable).toList();
    }

    /** The runnable versions' labels joined with ", ", for messages and help text. */
    public static String runnableLabels() {
        return String.join(", ", runnableVersions().stream().map(SpecVersion::label).toList());
    }

    /**
     * A runnable version from its date, as given on the command line.
     *
     * @throws IllegalArgumentException with a one-line message naming the accepted values
     */
    public static SpecVersion parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException(
                "unsupported spec version '" + text + "'; use one of " + runnableLabels()));
    }

    /** The runnable version with this date, if there is one. */
    public static Optional<SpecVersion> find(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(v -> v.runnable && v.label.equals(wanted)).findFirst();
    }

    /** Any known version from its checklist code ({@code 03}, {@code 06}, {@code 11}, {@code 26}). */
    public static SpecVersion fromCode(String code) {
        for (SpecVersion v : values()) {
            if (v.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown spec version code '" + code + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
