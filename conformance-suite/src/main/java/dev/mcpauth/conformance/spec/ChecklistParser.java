package dev.mcpauth.conformance.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the catalogue text: {@code #} comment lines; blocks that open with
 * {@code section <letter> <title>}, {@code row <id>} or {@code policy <id>} and hold
 * {@code name: value} lines until a blank line. Any unknown, missing or repeated field, or a
 * repeated id, is an error naming the line.
 */
final class ChecklistParser {
    private static final Set<String> ROW_FIELDS = Set.of("title", "levels", "requirement", "sources", "test", "untestable");
    private static final Set<String> POLICY_FIELDS = Set.of("title", "rows", "rule");

    private ChecklistParser() {
    }

    static Checklist parse(String text) {
        List<ChecklistRow> rows = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Optional<ChecklistRow.Section> section = Optional.empty();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int start = i + 1;
            String[] head = line.split(" ", 2);
            Map<String, String> fields = new LinkedHashMap<>();
            while (i + 1 < lines.length && !lines[i + 1].isBlank() && !lines[i + 1].startsWith("#")) {
                i++;
                int colon = lines[i].indexOf(": ");
                if (colon < 0 || fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2).strip()) != null) {
                    throw error(i + 1, "expected one 'name: value' line per field");
                }
            }
            try {
                switch (head[0]) {
                    case "section" -> {
                        String[] letterAndTitle = head[1].split(" ", 2);
                        section = Optional.of(new ChecklistRow.Section(letterAndTitle[0], letterAndTitle[1]));
                    }
                    case "row" -> rows.add(row(head[1], section.orElseThrow(
                            () -> new IllegalArgumentException("row before any section")), fields));
                    case "policy" -> policies.add(policy(head[1], fields));
                    default -> throw new IllegalArgumentException("unknown block '" + head[0] + "'");
                }
            } catch (RuntimeException e) {
                throw error(start, e.getMessage());
            }
            if (!head[0].equals("section") && !ids.add(head[1])) {
                throw error(start, head[1] + " listed twice");
            }
        }
        return new Checklist(rows, policies);
    }

    private static ChecklistRow row(String id, ChecklistRow.Section section, Map<String, String> f) {
        check(f, ROW_FIELDS, Set.of("untestable"));
        List<ChecklistRow.LevelIn> levels = new ArrayList<>();
        for (String entry : f.get("levels").split(";")) {
            String[] rangeAndObligation = entry.strip().split(" ", 2);
            levels.add(new ChecklistRow.LevelIn(VersionRange.parse(rangeAndObligation[0]),
                    Obligation.parse(rangeAndObligation[1])));
        }
        return new ChecklistRow(id, section, f.get("title"), levels, f.get("requirement"), f.get("sources"),
                f.get("test"), Optional.ofNullable(f.get("untestable")));
    }

    private static Policy policy(String id, Map<String, String> f) {
        check(f, POLICY_FIELDS, Set.of());
        List<String> rows = Arrays.stream(f.get("rows").split(";")).map(String::strip).toList();
        return new Policy(id, f.get("title"), rows, f.get("rule"));
    }

    private static void check(Map<String, String> fields, Set<String> known, Set<String> optional) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }
        for (String name : known) {
            if (!optional.contains(name) && !fields.containsKey(name)) {
                throw new IllegalArgumentException("missing field '" + name + "'");
            }
        }
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("checklist line " + line + ": " + message);
    }
}
