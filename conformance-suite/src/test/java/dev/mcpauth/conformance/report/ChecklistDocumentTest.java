package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.Checklist;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code docs/rs-checklist.md} is exactly what the catalogue generates. To
 * refresh it after editing the catalogue: {@code mvn -pl conformance-suite test
 * -Dtest=ChecklistDocumentTest -Dchecklist.update=true}, or {@link ChecklistDocument#REGENERATE}.
 */
class ChecklistDocumentTest {
    private static final Path DOC = Path.of("..", "docs", "rs-checklist.md");

    @Test
    void committedDocumentIsWhatTheCatalogueGenerates() throws IOException {
        String generated = ChecklistDocument.markdown(Checklist.bundled());
        if (Boolean.getBoolean("checklist.update")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as("%s is missing; regenerate it: %s", DOC, ChecklistDocument.REGENERATE).isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/rs-checklist.md differs from the catalogue; regenerate it: %s", ChecklistDocument.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void documentHoldsEveryRowAndPolicyWithItsRequirement() {
        Checklist checklist = Checklist.bundled();
        String md = ChecklistDocument.markdown(checklist);
        checklist.rows().forEach(r -> assertThat(md).contains("\n### " + r.id() + "\n").contains(r.requirement()));
        checklist.policies().forEach(p -> assertThat(md).contains("\n### " + p.id() + " " + p.title() + "\n")
                .contains(p.rule()));
        assertThat(md).contains("- Level: MAY (2025-06-18 only); SHOULD (2025-11-25 and later); applies to 2025-06-18 and later");
        assertThat(md).contains("- Policies: [P-04](#p-04-the-typ-profile)");
    }
}
