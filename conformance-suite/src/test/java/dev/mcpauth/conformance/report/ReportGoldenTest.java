package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.Checklist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each report writer against its golden file for the fixed run of {@link ReportFixtures}.
 * After an intended format change, regenerate with
 * {@code mvn -o test -pl conformance-suite -Dtest=ReportGoldenTest -Dgolden.update=true} and
 * review the diff.
 */
class ReportGoldenTest {
    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden");
    private final ReportWriter writer = new ReportWriter(Checklist.bundled());

    @ParameterizedTest
    @ValueSource(strings = {ReportWriter.CHECKS_JSON, ReportWriter.RUN_JSON, ReportWriter.JUNIT_XML,
            ReportWriter.REPORT_HTML, ReportWriter.SUMMARY_MD})
    void reportMatchesGoldenFile(String name) throws IOException {
        String actual = writer.render(ReportFixtures.outcome()).get(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN_SOURCE);
            Files.writeString(GOLDEN_SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden(name));
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        assertThat(writer.render(ReportFixtures.outcome())).isEqualTo(writer.render(ReportFixtures.outcome()));
    }

    @Test
    void writeCreatesTheDirectoryAndEveryFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("reports/latest");
        List<Path> written = writer.write(ReportFixtures.outcome(), out);
        Map<String, String> rendered = writer.render(ReportFixtures.outcome());
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("checks.json", "run.json", "junit.xml", "report.html", "summary.md");
        for (Path file : written) {
            assertThat(Files.readString(file)).isEqualTo(rendered.get(file.getFileName().toString()));
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
