package dev.mcpauth.conformance.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the suite does where the specs are silent or disagree, numbered from {@code P-01} in
 * catalogue order. Code and check descriptions cite them as "docs/rs-checklist.md, policy P-04".
 *
 * @param id    e.g. {@code P-04}
 * @param title what the question is
 * @param rows  the checklist rows it settles
 * @param rule  the question and the suite's answer, in the project's own words
 */
public record Policy(String id, String title, List<String> rows, String rule) {
    private static final Pattern ID = Pattern.compile("P-\\d{2}");

    public Policy {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad policy id '" + id + "'");
        }
        rows = List.copyOf(rows);
        if (title.isBlank() || rule.isBlank() || rows.isEmpty()) {
            throw new IllegalArgumentException(id + " needs a title, rows and a rule");
        }
    }
}
