package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.check.Level;
import dev.mcpauth.conformance.check.SpecReference;

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
 * @param level        level from 2025-11-25 on
 * @param level0618    level under 2025-06-18, where it differs (e.g. {@code scope} in a 401: MAY there)
 * @param appliesFrom  first spec version the check applies to; earlier versions get SKIPPED
 * @param refs         requirement ids for {@link SpecRefs}
 */
public record CheckSpec(String id, String name, String description, List<String> rows, Level level,
                        Level level0618, Optional<String> appliesFrom, List<String> refs) {
    public static final String V0618 = "2025-06-18";
    public static final String V1125 = "2025-11-25";

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
        Objects.requireNonNull(appliesFrom, "appliesFrom");
        refs = List.copyOf(refs);
        refs.forEach(r -> SpecRefs.resolve(r, V1125));
    }

    public static CheckSpec of(String id, Level level, String name, String description, List<String> rows,
                               String... refs) {
        return new CheckSpec(id, name, description, rows, level, level, Optional.empty(), List.of(refs));
    }

    /** A copy with another level under 2025-06-18. */
    public CheckSpec in0618(Level older) {
        return new CheckSpec(id, name, description, rows, level, older, appliesFrom, refs);
    }

    /** A copy that applies only from 2025-11-25. */
    public CheckSpec from1125() {
        return new CheckSpec(id, name, description, rows, level, level0618, Optional.of(V1125), refs);
    }

    public Level levelFor(String specVersion) {
        return V0618.equals(specVersion) ? level0618 : level;
    }

    public boolean appliesTo(String specVersion) {
        return appliesFrom.map(from -> specVersion.compareTo(from) >= 0).orElse(true);
    }

    public List<SpecReference> references(String specVersion) {
        return refs.stream().map(r -> SpecRefs.resolve(r, specVersion)).toList();
    }
}
