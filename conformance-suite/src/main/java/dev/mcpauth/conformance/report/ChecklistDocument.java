package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.Checklist;
import dev.mcpauth.conformance.spec.ChecklistRow;
import dev.mcpauth.conformance.spec.Policy;

import java.util.List;

/**
 * {@code docs/rs-checklist.md}: the checklist catalogue as a Markdown document. The committed
 * file is this output byte for byte (a test compares them), so edit the catalogue, not the file.
 */
public final class ChecklistDocument {
    public static final String REGENERATE =
            "java -jar conformance-suite/target/mcp-auth-conformance.jar checklist --markdown > docs/rs-checklist.md";

    private ChecklistDocument() {
    }

    public static String markdown(Checklist checklist) {
        StringBuilder md = new StringBuilder();
        md.append("# What an MCP server owes as an OAuth 2.1 resource server\n\n")
                .append("<!-- Generated from conformance-suite/src/main/resources/dev/mcpauth/conformance/spec/rs-checklist.txt;\n")
                .append("     do not edit. Regenerate: ").append(REGENERATE).append(" -->\n\n")
                .append("The conformance suite's own checklist: the ").append(checklist.rows().size())
                .append(" duties it judges a server by, and the ").append(checklist.policies().size())
                .append(" policies it follows where\nthe specifications are silent or disagree. Code, tests and reports cite ")
                .append("rows one at a time\n(`RS-64`) and policies as \"docs/rs-checklist.md, policy P-04\", so that ")
                .append("`grep -rw RS-64` finds them all.\n\n")
                .append("Levels are given per MCP specification version (2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28).\n")
                .append("\"silent\" marks a duty no cited specification settles: the suite reports it as INFO or WARNING,\n")
                .append("never as FAILURE. A failed MUST check is a FAILURE, a SHOULD a WARNING, a MAY an INFO.\n\n");
        md.append("| Row | Level | Versions | Title |\n|---|---|---|---|\n");
        for (ChecklistRow row : checklist.rows()) {
            md.append("| [").append(row.id()).append("](#").append(row.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(cell(row.levelsLabel())).append(" | ").append(row.versionsLabel())
                    .append(" | ").append(cell(row.title())).append(" |\n");
        }
        String section = "";
        for (ChecklistRow row : checklist.rows()) {
            if (!row.section().letter().equals(section)) {
                section = row.section().letter();
                md.append("\n## ").append(section).append(". ").append(row.section().title()).append("\n");
            }
            row(md, row, checklist.policiesFor(row.id()));
        }
        md.append("\n## Where the specifications are silent or disagree\n");
        for (Policy p : checklist.policies()) {
            md.append("\n### ").append(p.id()).append(" ").append(p.title()).append("\n\n")
                    .append("Rows: ").append(String.join(", ", p.rows())).append("\n\n")
                    .append(p.rule()).append("\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, ChecklistRow row, List<Policy> policies) {
        md.append("\n### ").append(row.id()).append("\n\n")
                .append("**").append(row.title()).append("**\n\n")
                .append("- Level: ").append(row.levelsLabel()).append("; applies to ").append(row.versionsLabel())
                .append("\n- Requirement: ").append(row.requirement())
                .append("\n- Sources: ").append(row.sources())
                .append("\n- Test: ").append(row.test()).append("\n");
        row.untestable().ifPresent(u -> md.append("- Not tested by the suite: ").append(u).append("\n"));
        if (!policies.isEmpty()) {
            md.append("- Policies: ").append(String.join(", ", policies.stream()
                    .map(p -> "[" + p.id() + "](#" + p.id().toLowerCase(java.util.Locale.ROOT) + "-"
                            + anchor(p.title()) + ")").toList())).append("\n");
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** GitHub's heading anchor: lower case, spaces to dashes, punctuation dropped. */
    private static String anchor(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
