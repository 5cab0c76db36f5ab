package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.SpecReference;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.Map;

/** Plain-text renderings of a check and its exchanges, for JUnit XML bodies and HTML {@code <pre>} blocks. */
public final class CheckText {
    private CheckText() {
    }

    /** An exchange written like an HTTP message pair: request line, headers, body; status, headers, body. */
    public static String exchange(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        text.append(exchange.method()).append(' ').append(exchange.url()).append('\n');
        exchange.requestHeaders().forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (!exchange.requestBody().isEmpty()) {
            text.append('\n').append(exchange.requestBody()).append('\n');
        }
        text.append('\n');
        if (exchange.status() == 0) {
            text.append("(no response)\n");
            return text.toString();
        }
        text.append("HTTP ").append(exchange.status()).append('\n');
        exchange.responseHeaders().forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        if (!exchange.responseBody().isEmpty()) {
            text.append('\n').append(exchange.responseBody()).append('\n');
        }
        return text.toString();
    }

    /** A details value on one line: strings as they are, anything else as compact JSON. */
    public static String value(Object value) {
        if (value instanceof String s) {
            return s;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.createGenerator(out)) {
            JsonOutput.value(generator, value);
        }
        return out.toString();
    }

    /** Everything a reader of a failing check needs: message, rows, references, details, exchanges. */
    public static String full(CheckResult check) {
        StringBuilder text = new StringBuilder();
        text.append(Format.message(check)).append("\n\n");
        text.append("check: ").append(check.scenarioId()).append(':').append(check.id())
                .append(" (").append(check.level());
        if (!Format.qualifierWords(check).isEmpty()) {
            text.append(", ").append(Format.qualifierWords(check));
        }
        text.append(")\n");
        if (!check.rows().isEmpty()) {
            text.append("rows: ").append(String.join(", ", check.rows())).append('\n');
        }
        for (SpecReference ref : check.specReferences()) {
            text.append("spec: ").append(ref.id()).append(' ').append(ref.url()).append('\n');
        }
        for (Map.Entry<String, Object> detail : check.details().entrySet()) {
            text.append("details.").append(detail.getKey()).append(": ").append(value(detail.getValue())).append('\n');
        }
        int n = 0;
        for (Exchange exchange : check.exchanges()) {
            text.append("\n--- exchange ").append(++n).append(" ---\n").append(exchange(exchange));
        }
        return text.toString();
    }
}
