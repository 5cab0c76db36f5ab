package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.SpecVersion;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of the resource-server checklist ({@code RS-01} … {@code RS-78}), as listed in the
 * {@code checklist-rows.tsv} resource.
 *
 * @param id           row id, e.g. {@code RS-17}
 * @param section      section letter, {@code A} … {@code I}
 * @param sectionTitle section title, e.g. "The 401 challenge"
 * @param level        normative level as the checklist states it: MUST, SHOULD, SHOULD NOT, MAY or silent
 * @param versions     spec versions the row applies to: {@code all}, {@code 03}, {@code 06+},
 *                     {@code 11+}, {@code 26} or a range such as {@code 03-11}
 * @param title        short title
 * @param notTestable  why the row cannot be tested over HTTP, when it cannot
 */
public record ChecklistRow(String id,
                           String section,
                           String sectionTitle,
                           String level,
                           String versions,
                           String title,
                           Optional<String> notTestable) {
    private static final String[][] VERSION_CODES = {
            {"03", "2025-03-26"}, {"06", "2025-06-18"}, {"11", "2025-11-25"}, {"26", "2026-07-28"}};

    public ChecklistRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(sectionTitle, "sectionTitle");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(notTestable, "notTestable");
        if (!versions.equals("all")) {
            // fail at load time, not when a report is written
            first(versions);
            last(versions);
        }
    }

    /** True when the row applies to the given spec version, e.g. {@code 2025-06-18}. */
    public boolean appliesTo(SpecVersion specVersion) {
        if (versions.equals("all")) {
            return true;
        }
        return first(versions).compareTo(specVersion.label()) <= 0 && specVersion.label().compareTo(last(versions)) <= 0;
    }

    /** The versions in words: "all versions", "2025-06-18 and later", "2025-03-26 only", "2025-03-26 to 2025-11-25". */
    public String versionsLabel() {
        if (versions.equals("all")) {
            return "all versions";
        }
        String first = first(versions);
        if (versions.endsWith("+")) {
            return first + " and later";
        }
        String last = last(versions);
        return first.equals(last) ? first + " only" : first + " to " + last;
    }

    private static String first(String versions) {
        String code = versions.endsWith("+") ? versions.substring(0, versions.length() - 1)
                : versions.split("-", 2)[0];
        return date(code);
    }

    private static String last(String versions) {
        if (versions.endsWith("+")) {
            return "9999-12-31";
        }
        String[] range = versions.split("-", 2);
        return date(range.length == 2 ? range[1] : range[0]);
    }

    private static String date(String code) {
        for (String[] pair : VERSION_CODES) {
            if (pair[0].equals(code)) {
                return pair[1];
            }
        }
        throw new IllegalArgumentException("unknown spec version code '" + code + "'");
    }
}
