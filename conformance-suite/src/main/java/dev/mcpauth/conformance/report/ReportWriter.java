package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.Checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every report of one run into a directory (created if missing). Each file is a pure
 * function of the {@link RunOutcome} and the checklist catalogue, so the same run always gives
 * the same bytes.
 */
public final class ReportWriter {
    public static final String CHECKS_JSON = "checks.json";
    public static final String RUN_JSON = "run.json";
    public static final String JUNIT_XML = "junit.xml";
    public static final String REPORT_HTML = "report.html";
    public static final String SUMMARY_MD = "summary.md";

    private final Checklist catalogue;

    public ReportWriter(Checklist catalogue) {
        this.catalogue = catalogue;
    }

    /** File name → content, in the order they are written. */
    public Map<String, String> render(RunOutcome outcome) {
        CoverageMatrix coverage = CoverageMatrix.of(outcome.result(), catalogue);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CHECKS_JSON, ChecksJsonWriter.render(outcome));
        files.put(RUN_JSON, RunJsonWriter.render(outcome, coverage));
        files.put(JUNIT_XML, JUnitXmlWriter.render(outcome));
        files.put(REPORT_HTML, HtmlReportWriter.render(outcome, coverage));
        files.put(SUMMARY_MD, MarkdownSummaryWriter.render(outcome, coverage));
        return files;
    }

    /** Writes all reports into {@code dir} and returns the paths written. */
    public List<Path> write(RunOutcome outcome, Path dir) throws IOException {
        Map<String, String> files = render(outcome);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return files.keySet().stream().map(dir::resolve).toList();
    }
}
