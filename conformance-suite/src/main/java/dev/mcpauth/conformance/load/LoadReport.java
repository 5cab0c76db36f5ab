package dev.mcpauth.conformance.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one {@code load} run, and its two renderings: {@code load.json} (for scripts such
 * as ci/bench.sh) and {@code load.md} (for people). Neither holds a token.
 *
 * @param target      the MCP endpoint
 * @param specVersion the MCP version spoken
 * @param tool        the tool called
 * @param scope       the scope of the tokens
 * @param connections connections (and sessions)
 * @param warmup      the warm-up before measuring
 * @param elapsed     the measured phase, start to last answer
 * @param mix         the credential mix
 * @param startedAt   when the measured phase started
 * @param stats       what the measured phase saw
 */
record LoadReport(String target, String specVersion, String tool, String scope, int connections, Duration warmup,
                  Duration elapsed, TokenMix mix, Instant startedAt, WorkerStats stats) {

    long wrongDecisions() {
        return stats.total(WorkerStats.WRONG);
    }

    long errors() {
        return stats.total(WorkerStats.ERROR);
    }

    double requestsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : stats.requests / s;
    }

    /** A latency percentile in milliseconds (0 when nothing was measured). */
    double percentileMillis(double percentile) {
        return stats.requests == 0 ? 0 : stats.latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return stats.requests == 0 ? 0 : stats.latencyMicros.getMaxValue() / 1000.0;
    }

    String verdict() {
        return wrongDecisions() == 0 ? "PASS" : "FAIL";
    }

    /** One line for the console. */
    String summary() {
        return String.format(Locale.ROOT, "load: %s %d requests in %.1f s = %.1f req/s; p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; wrong decisions %d; errors %d",
                verdict(), stats.requests, elapsed.toNanos() / 1e9, requestsPerSecond(), percentileMillis(50),
                percentileMillis(90), percentileMillis(99), maxMillis(), wrongDecisions(), errors());
    }

    JsonObject toJson() {
        JsonObjectBuilder mixJson = Json.createObjectBuilder();
        mix.weights().forEach((k, w) -> mixJson.add(k.key(), w));
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        stats.statuses.forEach((s, n) -> statuses.add(s == 0 ? "no-answer" : Integer.toString(s), n));
        JsonObjectBuilder kinds = Json.createObjectBuilder();
        for (TokenKind k : TokenKind.values()) {
            if (stats.count(k, WorkerStats.SENT) > 0) {
                kinds.add(k.key(), Json.createObjectBuilder()
                        .add("sent", stats.count(k, WorkerStats.SENT))
                        .add("correct", stats.count(k, WorkerStats.CORRECT))
                        .add("wrong", stats.count(k, WorkerStats.WRONG))
                        .add("errors", stats.count(k, WorkerStats.ERROR)));
            }
        }
        return Json.createObjectBuilder()
                .add("verdict", verdict())
                .add("target", target)
                .add("spec_version", specVersion)
                .add("tool", tool)
                .add("scope", scope)
                .add("connections", connections)
                .add("warmup_seconds", warmup.toMillis() / 1000.0)
                .add("duration_seconds", round(elapsed.toNanos() / 1e9))
                .add("started_at", startedAt.toString())
                .add("mix", mixJson)
                .add("requests", stats.requests)
                .add("requests_per_second", round(requestsPerSecond()))
                .add("latency_ms", Json.createObjectBuilder()
                        .add("p50", round(percentileMillis(50)))
                        .add("p90", round(percentileMillis(90)))
                        .add("p99", round(percentileMillis(99)))
                        .add("max", round(maxMillis()))
                        .add("mean", round(stats.requests == 0 ? 0 : stats.latencyMicros.getMean() / 1000.0)))
                .add("status_counts", statuses)
                .add("by_kind", kinds)
                .add("wrong_decisions", wrongDecisions())
                .add("errors", errors())
                .add("wrong_decision_examples", Json.createArrayBuilder(stats.wrongExamples))
                .add("error_examples", Json.createArrayBuilder(stats.errorExamples))
                .build();
    }

    String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Load: ").append(verdict()).append(" — ").append(target).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d connections, %s measured after %s warm-up, started %s; "
                        + "MCP %s, `tools/call %s`, scope `%s`, mix `%s`.%n%n",
                connections, seconds(elapsed), seconds(warmup), startedAt, specVersion, tool, scope, mix));
        md.append("| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | wrong decisions | errors |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d | %d |%n%n",
                stats.requests, requestsPerSecond(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                maxMillis(), wrongDecisions(), errors()));
        md.append("## By credential\n\n| kind | what | sent | correct | wrong | errors |\n|---|---|---:|---:|---:|---:|\n");
        for (TokenKind k : TokenKind.values()) {
            if (stats.count(k, WorkerStats.SENT) > 0) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d |%n", k.key(), k.description(),
                        stats.count(k, WorkerStats.SENT), stats.count(k, WorkerStats.CORRECT),
                        stats.count(k, WorkerStats.WRONG), stats.count(k, WorkerStats.ERROR)));
            }
        }
        md.append("\nA wrong decision is a bad or missing token answered 2xx, or a good token refused with 400, "
                + "401 or 403. An error is no answer, or any other status.\n\n## Status codes\n\n| status | count |\n"
                + "|---|---:|\n");
        for (Map.Entry<Integer, Long> e : stats.statuses.entrySet()) {
            md.append("| ").append(e.getKey() == 0 ? "no answer" : e.getKey()).append(" | ").append(e.getValue())
                    .append(" |\n");
        }
        if (!stats.wrongExamples.isEmpty()) {
            md.append("\n## Wrong decisions seen\n\n");
            stats.wrongExamples.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        if (!stats.errorExamples.isEmpty()) {
            md.append("\n## Errors seen\n\n");
            stats.errorExamples.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    /** Writes {@code load.json} and {@code load.md} into {@code dir}, creating it. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringWriter json = new StringWriter();
        try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(json)) {
            w.write(toJson());
        }
        Files.writeString(dir.resolve("load.json"), json.toString().strip() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("load.md"), toMarkdown(), StandardCharsets.UTF_8);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
