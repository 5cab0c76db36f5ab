package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Defence in depth for tokens: the HTTP layer already redacts every token it sends, and this
 * replaces, in everything the CLI prints or writes (console lines, messages, details,
 * exchanges), any literal occurrence of a token given on the command line and anything shaped
 * like a JWS/JWE compact serialisation (a base64url JSON header {@code eyJ…} and its
 * dot-separated parts), so a token that reached a report in a form the HTTP layer did not
 * register (split, re-encoded) is still not published.
 */
final class SecretScrubber {
    static final String MARKER = "[redacted]";
    static final String JWT_MARKER = "[redacted JWT-like value]";
    private static final java.util.regex.Pattern JWT_LIKE =
            java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{8,}(?:\\.[A-Za-z0-9_-]*){0,4}");
    /** Shorter strings are not real tokens, and replacing them would mangle the reports. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    SecretScrubber(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(s -> s.length() >= MIN_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MARKER);
        }
        return result.contains("eyJ") ? JWT_LIKE.matcher(result).replaceAll(JWT_MARKER) : result;
    }

    RunResult scrub(RunResult run) {
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (ScenarioResult s : run.scenarios()) {
            scenarios.add(new ScenarioResult(s.id(), scrub(s.title()), s.rows(), s.checks().stream().map(this::scrub).toList()));
        }
        return new RunResult(run.suiteVersion(), scrub(run.target()), run.specVersion(), run.startedAt(), run.duration(),
                scenarios, run.notes().stream().map(this::scrub).toList());
    }

    private CheckResult scrub(CheckResult c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) scrubValue(c.details());
        return new CheckResult(c.id(), scrub(c.name()), scrub(c.description()), c.scenarioId(), c.rows(), c.level(),
                c.status(), c.timestamp(), c.specReferences(), details, c.errorMessage().map(this::scrub),
                c.untestable(), c.exchanges().stream().map(this::scrub).toList());
    }

    private Exchange scrub(Exchange e) {
        return new Exchange(e.method(), scrub(e.url()), scrub(e.requestHeaders()), scrub(e.requestBody()), e.status(),
                scrub(e.responseHeaders()), scrub(e.responseBody()));
    }

    private List<Map.Entry<String, String>> scrub(List<Map.Entry<String, String>> headers) {
        return headers.stream().<Map.Entry<String, String>>map(h -> Map.entry(h.getKey(), scrub(h.getValue()))).toList();
    }

    private Object scrubValue(Object value) {
        return switch (value) {
            case String s -> scrub(s);
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(scrub(String.valueOf(k)), scrubValue(v)));
                yield copy;
            }
            case Collection<?> list -> list.stream().map(this::scrubValue).toList();
            case Optional<?> o -> o.map(this::scrubValue);
            case null -> null;
            default -> value;
        };
    }
}
