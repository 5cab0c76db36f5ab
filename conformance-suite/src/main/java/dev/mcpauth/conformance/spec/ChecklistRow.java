package dev.mcpauth.conformance.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One duty of the checklist (an id such as {@code RS-17}), as the catalogue states it.
 *
 * @param id          row id, e.g. {@code RS-17}
 * @param section     the section it belongs to
 * @param title       short title
 * @param levels      its obligation per range of spec versions; the versions it applies to are their union
 * @param requirement the duty, in one or two sentences of the project's own words
 * @param sources     where the specs state it (RFC and MCP section names)
 * @param test        how a black-box test observes it
 * @param untestable  why the suite cannot test it over HTTP, when it cannot
 */
public record ChecklistRow(String id, Section section, String title, List<LevelIn> levels, String requirement,
                           String sources, String test, Optional<String> untestable) {
    private static final Pattern ID = Pattern.compile("RS-\\d{2}");

    /** A checklist section, e.g. {@code B} "The 401 challenge". */
    public record Section(String letter, String title) {
    }

    /** The obligation a row carries in a range of versions. */
    public record LevelIn(VersionRange versions, Obligation obligation) {
    }

    public ChecklistRow {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad row id '" + id + "'");
        }
        Objects.requireNonNull(section, "section");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException(id + " has no levels");
        }
        for (String field : List.of(title, requirement, sources, test)) {
            if (field.isBlank()) {
                throw new IllegalArgumentException(id + " has an empty field");
            }
        }
        Objects.requireNonNull(untestable, "untestable");
    }

    public boolean appliesTo(SpecVersion v) {
        return levels.stream().anyMatch(l -> l.versions().contains(v));
    }

    /** The versions it applies to, in words, e.g. "2025-06-18 and later". */
    public String versionsLabel() {
        return levels.stream().map(LevelIn::versions).reduce(VersionRange::span).orElseThrow().label();
    }

    /** The obligation in this version, if the row applies to it. */
    public Optional<Obligation> obligationIn(SpecVersion v) {
        return levels.stream().filter(l -> l.versions().contains(v)).map(LevelIn::obligation).findFirst();
    }

    /** The level to show for a run of this version: its obligation there, else {@link #levelsLabel()}. */
    public String levelLabel(SpecVersion v) {
        return obligationIn(v).map(Obligation::label).orElseGet(this::levelsLabel);
    }

    /** Every level with its versions, e.g. "MAY (2025-06-18 only); SHOULD (2025-11-25 and later)"; one level alone. */
    public String levelsLabel() {
        if (levels.size() == 1) {
            return levels.getFirst().obligation().label();
        }
        return String.join("; ", levels.stream()
                .map(l -> l.obligation().label() + " (" + l.versions().label() + ")").toList());
    }
}
