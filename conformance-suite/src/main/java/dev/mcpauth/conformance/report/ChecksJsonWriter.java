package dev.mcpauth.conformance.report;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.SpecReference;
import jakarta.json.stream.JsonGenerator;

import java.util.List;
import java.util.Map;

/**
 * {@code checks.json}: a plain array with one object per check, in the official MCP conformance
 * suite's field names ({@code id, name, description, status, timestamp, specReferences, details,
 * errorMessage}; {@code errorMessage} only when present) followed by ours ({@code scenario, rows,
 * level, untestable, exchanges}). Run metadata lives in {@code run.json}, so this file keeps the
 * official shape.
 */
public final class ChecksJsonWriter {
    private ChecksJsonWriter() {
    }

    public static String render(RunOutcome outcome) {
        return JsonOutput.render(g -> {
            g.writeStartArray();
            outcome.result().checks().forEach(check -> check(g, check));
            g.writeEnd();
        });
    }

    private static void check(JsonGenerator g, CheckResult check) {
        g.writeStartObject();
        g.write("id", check.id());
        g.write("name", check.name());
        g.write("description", check.description());
        g.write("status", check.status().name());
        g.write("timestamp", check.timestamp().toString());
        g.writeStartArray("specReferences");
        for (SpecReference ref : check.specReferences()) {
            g.writeStartObject().write("id", ref.id()).write("url", ref.url()).writeEnd();
        }
        g.writeEnd();
        JsonOutput.member(g, "details", check.details());
        check.errorMessage().ifPresent(message -> g.write("errorMessage", message));
        g.write("scenario", check.scenarioId());
        JsonOutput.member(g, "rows", check.rows());
        g.write("level", check.level().name());
        g.write("untestable", check.untestable());
        g.writeStartArray("exchanges");
        check.exchanges().forEach(exchange -> exchange(g, exchange));
        g.writeEnd();
        g.writeEnd();
    }

    private static void exchange(JsonGenerator g, Exchange exchange) {
        g.writeStartObject();
        g.write("method", exchange.method());
        g.write("url", exchange.url());
        headers(g, "requestHeaders", exchange.requestHeaders());
        g.write("requestBody", exchange.requestBody());
        g.write("status", exchange.status());
        headers(g, "responseHeaders", exchange.responseHeaders());
        g.write("responseBody", exchange.responseBody());
        g.writeEnd();
    }

    /** Headers as an array of {name, value}: order kept, repeated fields kept apart. */
    private static void headers(JsonGenerator g, String name, List<Map.Entry<String, String>> headers) {
        g.writeStartArray(name);
        for (Map.Entry<String, String> header : headers) {
            g.writeStartObject().write("name", header.getKey()).write("value", header.getValue()).writeEnd();
        }
        g.writeEnd();
    }
}
