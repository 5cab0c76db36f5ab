package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.spec.ChecklistRow;

import dev.mcpauth.conformance.spec.Checklist;

import dev.mcpauth.conformance.result.CheckResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the reports back with real parsers, so their structure is right beyond the golden bytes. */
class ReportStructureTest {
    private final RunOutcome outcome = ReportFixtures.outcome();
    private final Map<String, String> files = new ReportWriter(Checklist.bundled()).render(outcome);

    @Test
    void checksJsonIsAPlainArrayInTheOfficialFieldOrder() {
        JsonArray checks;
        try (JsonReader reader = Json.createReader(new StringReader(files.get("checks.json")))) {
            checks = reader.readArray();
        }
        assertThat(checks).hasSize(outcome.result().checks().size());
        JsonObject success = checks.getJsonObject(0);
        assertThat(List.copyOf(success.keySet())).containsExactly("id", "name", "description", "status", "timestamp",
                "specReferences", "details", "scenario", "rows", "level", "untestable", "exchanges");
        JsonObject failure = checks.getJsonObject(4);
        assertThat(List.copyOf(failure.keySet())).containsExactly("id", "name", "description", "status", "timestamp",
                "specReferences", "details", "errorMessage", "scenario", "rows", "level", "untestable", "exchanges");
        assertThat(failure.getString("status")).isEqualTo("FAILURE");
        assertThat(failure.getJsonObject("details").getJsonObject("claims").getString("note")).isEqualTo("a|b <c>");
        JsonObject exchange = failure.getJsonArray("exchanges").getJsonObject(0);
        assertThat(exchange.getJsonArray("requestHeaders").getJsonObject(0).getString("name")).isEqualTo("Authorization");
        assertThat(exchange.getInt("status")).isEqualTo(200);
        assertThat(exchange.getString("responseBody")).contains("\u0001");
        JsonObject known = checks.getJsonObject(6);
        assertThat(known.getJsonObject("details").getBoolean(RunOutcome.EXPECTED_FAILURE)).isTrue();
        assertThat(checks.getJsonObject(5).getBoolean("untestable")).isTrue();
    }

    @Test
    void runJsonCarriesTheVerdictCountsAndStaleEntries() {
        JsonObject run;
        try (JsonReader reader = Json.createReader(new StringReader(files.get("run.json")))) {
            run = reader.readObject();
        }
        assertThat(run.getString("verdict")).isEqualTo("FAIL");
        assertThat(run.getInt("exitCode")).isEqualTo(1);
        assertThat(run.getInt("durationMillis")).isEqualTo(3210);
        assertThat(run.getJsonObject("counts").getInt("total")).isEqualTo(10);
        assertThat(run.getJsonObject("counts").getInt("FAILURE")).isEqualTo(3);
        assertThat(run.getJsonObject("counts").getInt("expectedFailures")).isEqualTo(1);
        assertThat(run.getJsonArray("staleExpectedFailures")).hasSize(2);
        assertThat(run.getJsonArray("unexpectedFailures").getString(0)).isEqualTo("expired-token:expired-token-status-401");
        assertThat(run.getJsonObject("coverage").getJsonArray("rows")).hasSize(78);
    }

    @Test
    void junitXmlParsesAndItsCountsMatchItsTestCases() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(
                new ByteArrayInputStream(files.get("junit.xml").getBytes(StandardCharsets.UTF_8)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(outcome.result().scenarios().size() + 1);
        long tests = 0;
        long failures = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
            assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(suite.getElementsByTagName("failure").getLength());
            assertThat(Integer.parseInt(suite.getAttribute("errors"))).isEqualTo(suite.getElementsByTagName("error").getLength());
            assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(suite.getElementsByTagName("skipped").getLength());
            tests += cases.getLength();
            failures += suite.getElementsByTagName("failure").getLength();
        }
        Element root = doc.getDocumentElement();
        assertThat(Long.parseLong(root.getAttribute("tests"))).isEqualTo(tests);
        assertThat(Long.parseLong(root.getAttribute("failures"))).isEqualTo(failures);
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("UNTESTABLE");
        assertThat(error.getParentNode().getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("expired-token-beats-scope");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("expected status 401 for an expired token, got 200")
                .contains("HTTP 200").contains("café ✓ \uFFFD bell");
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("WARNING: ")
                .contains(ReportFixtures.HOSTILE);
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() {
        String html = files.get("report.html");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .doesNotContain("\u0001");
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
        for (ChecklistRow row : Checklist.bundled().rows()) {
            assertThat(html).contains("<tr id=\"" + row.id() + "\">");
        }
        for (CheckResult check : outcome.result().checks()) {
            assertThat(html).contains("<code>" + check.id() + "</code>");
        }
        assertThat(html).contains("not covered").contains("not applicable to 2025-06-18")
                .contains("not black-box testable").contains("FAILURE (expected)").contains("FAILURE (untestable)")
                .contains("RS-99");
    }

    @Test
    void everyFindingLinkPointsAtAFinding() {
        String html = files.get("report.html");
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            assertThat(html).contains("id=\"" + links.group(1) + "\"");
            count++;
        }
        assertThat(count).isGreaterThan(0);
    }

    @Test
    void summaryMarkdownListsFailuresWarningsAndStaleEntriesWithoutRawHtml() {
        String md = files.get("summary.md");
        assertThat(md).startsWith("## MCP authorization conformance: ❌ FAIL\n")
                .contains("`expired-token:expired-token-status-401`")
                .contains("`expired-token:expired-token-beats-scope` (untestable)")
                .contains("`missing-token:missing-token-no-error-code`")
                .contains("`expired-token:no-such-check` (line 5)")
                .contains("| ✗ `expired-token` | 0 | 1 | 0 | 0 | 1 | 0 |")
                .contains("10 checks: 4 passed, 2 failed (1 expected), 1 warning, 1 info, 1 skipped, "
                        + "1 untestable (1 MUST).");
        assertThat(md).contains("\\<script\\>alert")
                .contains("\\</script\\> \\| \\*x\\*").doesNotContainPattern("(?<!\\\\)<");
    }

    @Test
    void markdownEscapingNeutralisesMarkupAndTableBreaks() {
        assertThat(MarkdownSummaryWriter.text("<b>a|b</b> & *x*\nnext"))
                .isEqualTo("\\<b\\>a\\|b\\</b\\> &amp; \\*x\\* next");
        assertThat(MarkdownSummaryWriter.code("a`b|c\nd")).isEqualTo("`a'b\\|c d`");
    }

    @Test
    void notPassedHoldsOnlyFailuresAndWarningsAndInfoAndSkippedHaveTheirOwnSections() {
        String html = files.get("report.html");
        String notPassed = html.substring(html.indexOf("<h2 id=\"findings\">"), html.indexOf("<h2 id=\"notes\">"));
        String notes = html.substring(html.indexOf("<h2 id=\"notes\">"), html.indexOf("<h2 id=\"skipped\">"));
        for (CheckResult check : outcome.result().checks()) {
            String heading = "<code>" + check.id() + "</code> " ;
            switch (check.status()) {
                case FAILURE, WARNING -> assertThat(notPassed).as(check.id()).contains(heading);
                case INFO -> assertThat(notes).as(check.id()).contains(heading);
                default -> assertThat(notPassed + notes).as(check.id()).doesNotContain("<h3>" + heading);
            }
        }
        assertThat(html).doesNotContain("did not pass");
    }

    @Test
    void everyReportUsesTheApplicableRowsAsTheOneCoverageDenominator() {
        String summary = "9 of 68 applicable checklist rows covered";
        assertThat(files.get("report.html")).contains(summary);
        assertThat(files.get("summary.md")).contains(summary);
        assertThat(files.get("run.json")).contains(summary);
        assertThat(files.get("summary.md")).contains("Columns: ✓ passed · ✗ failed").contains("untestable: a prerequisite");
    }
}
