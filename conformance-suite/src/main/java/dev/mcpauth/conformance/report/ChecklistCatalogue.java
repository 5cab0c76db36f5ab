package dev.mcpauth.conformance.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checklist rows every report's coverage matrix lists, read from the
 * {@code /checklist-rows.tsv} resource (tab-separated; {@code #} starts a comment line; the
 * first other line is the header).
 */
public final class ChecklistCatalogue {
    public static final String RESOURCE = "/checklist-rows.tsv";
    private static final Pattern ROW_ID = Pattern.compile("RS-\\d{2}");
    private static final List<String> HEADER =
            List.of("id", "section", "section_title", "level", "versions", "title", "not_testable");

    private final List<ChecklistRow> rows;

    public ChecklistCatalogue(List<ChecklistRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The catalogue bundled with the suite. */
    public static ChecklistCatalogue bundled() {
        try (InputStream in = ChecklistCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the suite jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the TSV text; rejects a wrong header, a malformed id or a repeated id. */
    public static ChecklistCatalogue parse(String tsv) {
        List<ChecklistRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(tsv))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t", -1));
                if (!headerSeen) {
                    if (!cells.equals(HEADER)) {
                        throw new IllegalArgumentException("line " + lineNumber + ": header must be " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(row(cells, lineNumber, rows));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChecklistCatalogue(rows);
    }

    private static ChecklistRow row(List<String> cells, int lineNumber, List<ChecklistRow> earlier) {
        if (cells.size() != HEADER.size()) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected " + HEADER.size()
                    + " tab-separated cells, found " + cells.size());
        }
        String id = cells.get(0);
        if (!ROW_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("line " + lineNumber + ": bad row id '" + id + "'");
        }
        if (earlier.stream().anyMatch(r -> r.id().equals(id))) {
            throw new IllegalArgumentException("line " + lineNumber + ": row " + id + " listed twice");
        }
        for (int i = 1; i < 6; i++) {
            if (cells.get(i).isBlank()) {
                throw new IllegalArgumentException("line " + lineNumber + ": empty " + HEADER.get(i));
            }
        }
        String notTestable = cells.get(6).strip();
        return new ChecklistRow(id, cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                notTestable.isEmpty() ? Optional.empty() : Optional.of(notTestable));
    }

    public List<ChecklistRow> rows() {
        return rows;
    }

    public Optional<ChecklistRow> row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
