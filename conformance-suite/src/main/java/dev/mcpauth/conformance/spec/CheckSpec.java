package dev.mcpauth.conformance.spec;


import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One check a scenario declares: its greppable id, what it checks, the checklist rows and spec
 * sections behind it, and its level. The id is the same whether the check passes or fails.
 *
 * @param id           kebab-case, prefixed by the scenario id
 * @param name         short title
 * @param description  what is checked and, where the specs disagree, the policy followed
 * @param rows         checklist rows, e.g. {@code RS-17}
 * @param level        level under 2025-11-25 (and under 2026-07-28 unless {@code level2607} says otherwise)
 * @param level0618    level under 2025-06-18, where it differs (e.g. {@code scope} in a 401: MAY there)
 * @param level2607    level under 2026-07-28, where it differs (e.g. step-up: a MUST there)
 * @param appliesFrom  first spec version the check applies to; earlier versions get SKIPPED
 * @param appliesUntil last spec version it applies to (sessions end with 2025-11-25); later ones get SKIPPED
 * @param refs         requirement ids for {@link SpecRefs}
 */
public record CheckSpec(String id, String name, String description, List<String> rows, Level level,
                        Level level0618, Level level2607, Optional<SpecVersion> appliesFrom, Optional<SpecVersion> appliesUntil,
                        List<String> refs) {
    public CheckSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("check id must be kebab-case: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        rows = List.copyOf(rows);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(level0618, "level0618");
        Objects.requireNonNull(level2607, "level2607");
        Objects.requireNonNull(appliesFrom, "appliesFrom");
        Objects.requireNonNull(appliesUntil, "appliesUntil");
        refs = List.copyOf(refs);
        refs.forEach(r -> SpecRefs.resolve(r, SpecVersion.V2025_11_25));
    }

    public static CheckSpec of(String id, Level level, String name, String description, List<String> rows,
                               String... refs) {
        return new CheckSpec(id, name, description, rows, level, level, level, Optional.empty(), Optional.empty(),
                List.of(refs));
    }

    /** A copy with another level under 2025-06-18. */
    public CheckSpec in0618(Level older) {
        return new CheckSpec(id, name, description, rows, level, older, level2607, appliesFrom, appliesUntil, refs);
    }

    /** A copy with another level under 2026-07-28. */
    public CheckSpec in2607(Level newer) {
        return new CheckSpec(id, name, description, rows, level, level0618, newer, appliesFrom, appliesUntil, refs);
    }

    /** A copy that applies only from 2025-11-25. */
    public CheckSpec from1125() {
        return new CheckSpec(id, name, description, rows, level, level0618, level2607, Optional.of(SpecVersion.V2025_11_25), appliesUntil,
                refs);
    }

    /** A copy that applies only from 2026-07-28. */
    public CheckSpec from2607() {
        return new CheckSpec(id, name, description, rows, level, level0618, level2607, Optional.of(SpecVersion.V2026_07_28), appliesUntil,
                refs);
    }

    /** A copy that applies only up to 2025-11-25 (e.g. sessions, which 2026-07-28 removed). */
    public CheckSpec until1125() {
        return new CheckSpec(id, name, description, rows, level, level0618, level2607, appliesFrom, Optional.of(SpecVersion.V2025_11_25),
                refs);
    }

    public Level levelFor(SpecVersion specVersion) {
        return switch (specVersion) {
            case V2025_03_26, V2025_06_18 -> level0618;
            case V2025_11_25 -> level;
            case V2026_07_28 -> level2607;
        };
    }

    public boolean appliesTo(SpecVersion specVersion) {
        return appliesFrom.map(specVersion::atLeast).orElse(true)
                && appliesUntil.map(specVersion::atMost).orElse(true);
    }

    /** Why it does not apply to this version, for the SKIPPED message. */
    public String applicability() {
        return appliesFrom.map(f -> "applies from " + f).orElse("applies")
                + appliesUntil.map(u -> " up to " + u).orElse("");
    }

    public List<SpecReference> references(SpecVersion specVersion) {
        return refs.stream().map(r -> SpecRefs.resolve(r, specVersion)).toList();
    }
}
