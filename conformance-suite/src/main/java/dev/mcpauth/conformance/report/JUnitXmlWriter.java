package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.result.Status;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * {@code junit.xml}: one {@code <testsuite>} per scenario and one {@code <testcase>} per check,
 * so CI gates on MUST-level requirements only.
 * <ul>
 *   <li>FAILURE → {@code <failure type="FAILURE">} with the expected/actual message, details and exchanges;</li>
 *   <li>untestable FAILURE (a missing prerequisite) → {@code <error type="UNTESTABLE">};</li>
 *   <li>a failure listed in the expected-failures file → {@code <skipped>} saying so;</li>
 *   <li>WARNING → a passing test case with {@code <system-out>WARNING: …</system-out>};</li>
 *   <li>SKIPPED → {@code <skipped/>}; INFO and SUCCESS → a plain passing test case.</li>
 * </ul>
 * Stale expected-failure entries become failing test cases of an extra suite
 * {@code expected-failures}, so a JUnit-only CI gate sees them too.
 */
public final class JUnitXmlWriter {
    public static final String STALE_SUITE = "expected-failures";

    private final XMLStreamWriter xml;

    private JUnitXmlWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static String render(RunOutcome outcome) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new JUnitXmlWriter(xml).document(outcome);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private record Counts(long tests, long failures, long errors, long skipped) {
        static Counts of(List<CheckResult> checks) {
            return new Counts(checks.size(),
                    checks.stream().filter(c -> RunOutcome.isUnexpectedFailure(c) && !c.untestable()).count(),
                    checks.stream().filter(c -> RunOutcome.isUnexpectedFailure(c) && c.untestable()).count(),
                    checks.stream().filter(c -> c.status() == Status.SKIPPED || RunOutcome.isExpectedFailure(c)).count());
        }

        Counts plus(Counts other) {
            return new Counts(tests + other.tests, failures + other.failures, errors + other.errors,
                    skipped + other.skipped);
        }
    }

    private void document(RunOutcome outcome) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newline(0);
        xml.writeStartElement("testsuites");
        int stale = outcome.staleEntries().size();
        Counts total = Counts.of(outcome.result().checks()).plus(new Counts(stale, stale, 0, 0));
        xml.writeAttribute("name", "mcp-auth-conformance " + outcome.result().target());
        counts(total);
        xml.writeAttribute("time", Format.junitSeconds(outcome.result().duration()));
        xml.writeAttribute("timestamp", outcome.result().startedAt().toString());
        for (ScenarioResult scenario : outcome.result().scenarios()) {
            suite(scenario);
        }
        if (stale > 0) {
            staleSuite(outcome.staleEntries());
        }
        newline(0);
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void counts(Counts counts) throws XMLStreamException {
        xml.writeAttribute("tests", Long.toString(counts.tests()));
        xml.writeAttribute("failures", Long.toString(counts.failures()));
        xml.writeAttribute("errors", Long.toString(counts.errors()));
        xml.writeAttribute("skipped", Long.toString(counts.skipped()));
    }

    /** Scenarios of {@code --also-protect} URLs: their suite names the URL in a title property. */
    static final String ALSO_PROTECTED = "protected-url-";

    private void suite(ScenarioResult scenario) throws XMLStreamException {
        newline(1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(scenario.id()));
        counts(Counts.of(scenario.checks()));
        if (scenario.id().startsWith(ALSO_PROTECTED)) {
            newline(2);
            xml.writeStartElement("properties");
            newline(3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", "title");
            xml.writeAttribute("value", clean(scenario.title()));
            newline(2);
            xml.writeEndElement();
        }
        for (CheckResult check : scenario.checks()) {
            testcase(check);
        }
        newline(1);
        xml.writeEndElement();
    }

    private void testcase(CheckResult check) throws XMLStreamException {
        newline(2);
        boolean plain = check.status() == Status.SUCCESS || check.status() == Status.INFO;
        if (plain) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", clean(check.scenarioId()));
        xml.writeAttribute("name", clean(check.id()));
        if (plain) {
            return;
        }
        String summary = Format.firstLine(Format.message(check), 200);
        if (RunOutcome.isExpectedFailure(check)) {
            element("skipped", "expected failure (listed in the expected-failures file): " + summary, null, null);
            element("system-out", null, null, CheckText.full(check));
        } else if (check.status() == Status.FAILURE) {
            boolean untestable = check.untestable();
            element(untestable ? "error" : "failure", summary, untestable ? "UNTESTABLE" : "FAILURE",
                    CheckText.full(check));
        } else if (check.status() == Status.WARNING) {
            element("system-out", null, null, "WARNING" + Format.qualifiers(check) + ": " + CheckText.full(check));
        } else {
            element("skipped", summary, null, null);
        }
        newline(2);
        xml.writeEndElement();
    }

    private void staleSuite(List<StaleEntry> staleEntries) throws XMLStreamException {
        newline(1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", STALE_SUITE);
        counts(new Counts(staleEntries.size(), staleEntries.size(), 0, 0));
        for (StaleEntry stale : staleEntries) {
            newline(2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", STALE_SUITE);
            xml.writeAttribute("name", clean(stale.entry()));
            element("failure", stale.describe(), "STALE_EXPECTED_FAILURE", null);
            newline(2);
            xml.writeEndElement();
        }
        newline(1);
        xml.writeEndElement();
    }

    /** One child element at depth 3: optional message and type attributes, optional text. */
    private void element(String name, String message, String type, String text) throws XMLStreamException {
        newline(3);
        if (text == null) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
        }
        if (message != null) {
            xml.writeAttribute("message", clean(message));
        }
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        if (text != null) {
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
        }
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Replaces characters XML 1.0 cannot carry (controls, lone surrogates) with U+FFFD. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
