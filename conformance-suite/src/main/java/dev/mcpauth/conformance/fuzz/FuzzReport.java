package dev.mcpauth.conformance.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code fuzz.json} and {@code fuzz.md}: counts per family, the findings, the smallest failing request (redacted). */
public record FuzzReport(String target, long seed, int planned, Duration elapsed, boolean goodToken, FuzzStats stats) {

    public boolean passed() {
        return stats.smallestFailure().isEmpty();
    }

    public String summary() {
        return "fuzz: " + (passed() ? "PASS" : "FAIL") + " " + stats.total(f -> f.sent) + " requests in "
                + elapsed.toSeconds() + " s, " + stats.fiveXx() + " 5xx, " + stats.findings(Finding.Kind.TOKEN_ECHOED)
                + " token echoes, " + stats.total(f -> f.noAnswer) + " without answer"
                + (stats.findings(Finding.Kind.STOPPED_ANSWERING) > 0 ? ", the server STOPPED ANSWERING" : "");
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("fuzz.json"), json() + "\n");
        Files.writeString(dir.resolve("fuzz.md"), markdown());
    }

    String json() {
        JsonObjectBuilder families = Json.createObjectBuilder();
        stats.families().forEach((family, f) -> {
            JsonObjectBuilder statuses = Json.createObjectBuilder();
            f.statuses.forEach((s, n) -> statuses.add(Integer.toString(s), n));
            JsonObjectBuilder findings = Json.createObjectBuilder();
            f.findings.forEach((k, n) -> findings.add(k.name(), n));
            families.add(family.key(), Json.createObjectBuilder().add("sent", f.sent).add("no_answer", f.noAnswer)
                    .add("status_counts", statuses).add("findings", findings));
        });
        JsonObjectBuilder out = Json.createObjectBuilder().add("target", target).add("verdict", passed() ? "PASS" : "FAIL")
                .add("seed", seed).add("planned_requests", planned).add("requests", stats.total(f -> f.sent))
                .add("elapsed_ms", elapsed.toMillis()).add("good_token", goodToken).add("server_errors_5xx", stats.fiveXx())
                .add("token_echoes", stats.findings(Finding.Kind.TOKEN_ECHOED)).add("no_answer", stats.total(f -> f.noAnswer))
                .add("stopped_answering", stats.findings(Finding.Kind.STOPPED_ANSWERING) > 0).add("families", families);
        stats.smallestFailure().ifPresent(f -> out.add("smallest_failing_request", Json.createObjectBuilder()
                .add("kind", f.kind().name()).add("index", f.request().index()).add("family", f.request().family().key())
                .add("status", f.status()).add("detail", f.detail()).add("size", f.request().size())
                .add("request", f.request().redacted())));
        stats.smallestUnanswered().ifPresent(u -> out.add("smallest_unanswered_request", Json.createObjectBuilder()
                .add("index", u.index()).add("family", u.family().key()).add("size", u.size())
                .add("request", cut(u.redacted()))));
        return out.build().toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Fuzz: ").append(passed() ? "PASS" : "FAIL").append(" — ").append(target)
                .append("\n\n").append(summary()).append(".\n\nSeed ").append(seed).append(" (request i is rebuilt from the seed "
                        + "and i alone), ").append(planned).append(" requests planned, good token: ").append(goodToken ? "yes" : "no")
                .append(".\n\n| family | sent | no answer | statuses | findings |\n| --- | ---: | ---: | --- | --- |\n");
        stats.families().forEach((family, f) -> md.append("| ").append(family.key()).append(" | ").append(f.sent).append(" | ")
                .append(f.noAnswer).append(" | ").append(counts(f.statuses)).append(" | ")
                .append(f.findings.isEmpty() ? "none" : counts(f.findings)).append(" |\n"));
        stats.smallestFailure().ifPresent(f -> md.append("\n## Smallest failing request (").append(f.kind()).append(", #")
                .append(f.request().index()).append(", ").append(f.detail()).append(")\n\n```\n").append(f.request().redacted())
                .append("\n```\n"));
        stats.smallestUnanswered().ifPresent(u -> md.append("\n## Smallest request without an answer (#").append(u.index())
                .append(", ").append(u.family().key()).append(", ").append(u.size())
                .append(" bytes; the server went on answering)\n\n```\n").append(cut(u.redacted())).append("\n```\n"));
        return md.toString();
    }

    /** At most 1,500 characters of a redacted request: a huge header would swamp the report. */
    private static String cut(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) + "...(" + text.length() + " characters)" : text;
    }

    private static String counts(Map<?, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
