package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.AuthParam;
import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.ParsedChallenges;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Every method without a token gets 401, and every challenge the suite collects (no token on
 * POST, GET and DELETE; an invalid token on POST) is well formed: strict RFC 9110 syntax,
 * Bearer first, unique params, quoted values in the RFC 6750 character sets, an absolute
 * resource_metadata, and no echoed token or stack trace in the body.
 */
final class ChallengeSyntaxScenario implements Scenario {
    static final CheckSpec GET = CheckSpec.of("challenge-syntax-get-401", Level.MUST,
            "GET without a token gets 401",
            "GET on the MCP endpoint (the SSE stream in 2025-06-18 and 2025-11-25) without Authorization gets 401; "
                    + "405 is accepted from an endpoint that offers no GET stream.",
            List.of("RS-17"), "MCP-authorization#error-handling", "MCP-transports", "OAUTH21-5.3");
    static final CheckSpec DELETE = CheckSpec.of("challenge-syntax-delete-401", Level.MUST,
            "DELETE without a token gets 401",
            "DELETE on the MCP endpoint (session termination) without Authorization gets 401; 405 is accepted from "
                    + "an endpoint that does not allow DELETE.",
            List.of("RS-17"), "MCP-authorization#error-handling", "MCP-transports", "OAUTH21-5.3");
    static final CheckSpec PARSES = CheckSpec.of("challenge-syntax-parses-strictly", Level.MUST,
            "Every challenge parses strictly",
            "Every 401 carries WWW-Authenticate; every field line matches the RFC 9110 §11 challenge grammar; a "
                    + "Bearer challenge with at least one auth-param is present.",
            List.of("RS-18", "RS-21"), "RFC9110-11.2", "RFC9110-11.6.1", "RFC6750-3");
    static final CheckSpec BEARER_FIRST = CheckSpec.of("challenge-syntax-bearer-first", Level.SHOULD,
            "Bearer is the first challenge",
            "Other schemes may be offered (RFC 9728 §5.4), but common clients (the TypeScript SDK) read only the "
                    + "first challenge, so Bearer should come first.",
            List.of("RS-18", "RS-22"), "RFC9110-11.6.1", "RFC9728-5.4");
    static final CheckSpec UNIQUE = CheckSpec.of("challenge-syntax-params-unique", Level.MUST,
            "Each parameter appears once",
            "No auth-param name repeats within a challenge (RFC 9110 §11.2; RFC 6750 §3 for realm, scope, error, "
                    + "error_description, error_uri).",
            List.of("RS-21"), "RFC9110-11.2", "RFC6750-3");
    static final CheckSpec QUOTED = CheckSpec.of("challenge-syntax-values-quoted", Level.MUST,
            "Bearer parameter values are quoted strings",
            "Every auth-param of every Bearer challenge is sent as a quoted-string, as RFC 6750 §3 defines them.",
            List.of("RS-21"), "RFC6750-3", "OAUTH21-5.3.1");
    static final CheckSpec CHARSET = CheckSpec.of("challenge-syntax-value-charset", Level.MUST,
            "Values use the allowed characters",
            "scope: %x21 / %x23-5B / %x5D-7E tokens separated by single spaces; error, error_description, error_uri: "
                    + "%x20-21 / %x23-5B / %x5D-7E (no '\"' and no '\\'), in every Bearer challenge of every field line.",
            List.of("RS-21"), "RFC6750-3");
    static final CheckSpec ABSOLUTE = CheckSpec.of("challenge-syntax-resource-metadata-absolute", Level.MUST,
            "resource_metadata is an absolute URL",
            "Where a challenge carries resource_metadata, it is an absolute URL (RFC 9728 §5.1).",
            List.of("RS-21"), "RFC9728-5.1");
    static final CheckSpec EVERY_401 = CheckSpec.of("challenge-syntax-resource-metadata-every-401", Level.MAY,
            "Every 401 carries resource_metadata",
            "2025-06-18: every 401 carries resource_metadata (MUST). From 2025-11-25 a well-known PRM may replace "
                    + "it, so a 401 without it is only noted.",
            List.of("RS-10"), "MCP-authorization#authorization-server-location", "RFC9728-5.1").in0618(Level.MUST);
    static final CheckSpec NO_ECHO = CheckSpec.of("challenge-syntax-no-token-echo", Level.SHOULD,
            "The rejection does not echo the token",
            "The response to an invalid token contains the token neither in its headers nor in its body (the specs "
                    + "are silent; tokens must not leak into logs, caches or error pages).",
            List.of("RS-23", "RS-76"), "MCP-authorization#token-theft");
    static final CheckSpec NO_STACK = CheckSpec.of("challenge-syntax-no-stack-trace", Level.SHOULD,
            "Error bodies show no internals",
            "No 401 body contains a stack trace (Java, Python, Node) or exception dump.",
            List.of("RS-23"), "MCP-authorization#error-handling");

    private static final Pattern STACK = Pattern.compile(
            "(?m)(^\\s*at [\\w$.<>/]+\\(.*\\)\\s*$)|Traceback \\(most recent call last\\)|Exception in thread"
                    + "|^\\s*at .+\\.(js|ts|mjs):\\d+:\\d+\\)?\\s*$|\\b\\w+(\\.\\w+)+(Exception|Error): ");

    @Override
    public String id() {
        return "challenge-syntax";
    }

    @Override
    public String title() {
        return "Challenge syntax: every method gets 401 and every challenge is well formed";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(GET, DELETE, PARSES, BEARER_FIRST, UNIQUE, QUOTED, CHARSET, ABSOLUTE, EVERY_401, NO_ECHO, NO_STACK);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Response post = ctx.facts().noTokenProbe();
        if (!post.received()) {
            rec.untestableRest("no response from the target: " + post.transportError().orElse("?"));
            return;
        }
        Response get = ctx.target().send(new Request("GET", ctx.target().url(), List.of(), "").header("Accept", "text/event-stream"));
        Response delete = ctx.target().send(new Request("DELETE", ctx.target().url(), List.of(), "").header("Accept", McpClient.ACCEPT));
        methodStatus(rec, GET, get);
        methodStatus(rec, DELETE, delete);

        Minted invalid = ctx.mutated(TokenMutation.RANDOM_OPAQUE);
        Optional<Response> invalidResponse = invalid.token().map(ctx.target()::probeWithBearer);

        List<Response> all = new ArrayList<>(List.of(post, get, delete));
        invalidResponse.ifPresent(all::add);
        List<Response> challenged = all.stream().filter(r -> r.status() == 401).toList();
        if (challenged.isEmpty()) {
            for (CheckSpec c : List.of(PARSES, BEARER_FIRST, UNIQUE, QUOTED, CHARSET, ABSOLUTE, EVERY_401)) {
                rec.untestable(c, "no request got a 401 to inspect", all);
            }
        } else {
            syntax(rec, challenged);
        }
        if (invalidResponse.isEmpty()) {
            rec.untestable(NO_ECHO, invalid.unavailable(), List.of());
        } else {
            Response r = invalidResponse.get();
            String token = invalid.get();
            boolean echoed = r.body().contains(token) || r.headers().stream().anyMatch(h -> h.getValue().contains(token));
            rec.verdict(NO_ECHO, !echoed, "the response to an invalid token contains that token (shown redacted)",
                    details(), List.of(r));
        }
        List<Response> withStack = challenged.stream().filter(r -> STACK.matcher(r.body()).find()).toList();
        if (challenged.isEmpty()) {
            rec.untestable(NO_STACK, "no 401 body to inspect", all);
        } else {
            rec.verdict(NO_STACK, withStack.isEmpty(), withStack.size() + " of " + challenged.size()
                    + " 401 bodies contain what looks like a stack trace", details(),
                    withStack.isEmpty() ? challenged : withStack);
        }
    }

    private static void methodStatus(CheckRecorder rec, CheckSpec spec, Response r) {
        if (!r.received()) {
            rec.untestable(spec, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        rec.verdict(spec, r.status() == 401 || r.status() == 405, "expected 401 (or 405 if the method is not offered); got "
                + r.summary() + (r.is2xx() ? ": served without any credentials" : ""), details(), List.of(r));
    }

    private void syntax(CheckRecorder rec, List<Response> challenged) {
        List<String> parseProblems = new ArrayList<>();
        List<String> notFirst = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> unquoted = new ArrayList<>();
        List<String> badChars = new ArrayList<>();
        List<String> relative = new ArrayList<>();
        List<String> noMetadata = new ArrayList<>();
        for (Response r : challenged) {
            String where = r.request().method() + " → " + r.status();
            ParsedChallenges p = r.challenges();
            Verdicts.bearerChallengeProblem(p).ifPresent(problem -> parseProblems.add(where + ": " + problem));
            if (p.bearer().isPresent() && !p.bearerFirst()) {
                notFirst.add(where + ": first challenge is " + (p.challenges().isEmpty() ? "unparseable" : p.challenges().get(0).scheme()));
            }
            for (Challenge c : p.challenges()) {
                c.duplicateParamNames().forEach(n -> duplicates.add(where + ": " + c.scheme() + " " + n));
            }
            Optional<Challenge> bearer = p.bearer();
            if (bearer.isEmpty()) {
                continue;
            }
            // Every Bearer challenge, on every field line: a client may read any of them.
            List<AuthParam> bearerParams = p.challenges().stream().filter(Challenge::isBearer)
                    .flatMap(c -> c.params().stream()).toList();
            for (AuthParam param : bearerParams) {
                String name = param.name().toLowerCase(Locale.ROOT);
                if (!param.quoted()) {
                    unquoted.add(where + ": " + param.name() + "=" + param.value());
                }
                boolean ok = switch (name) {
                    case "scope" -> Verdicts.validScope(param.value());
                    case "error", "error_description" -> Verdicts.validErrorText(param.value());
                    case "error_uri" -> param.value().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]*");
                    default -> true;
                };
                if (!ok) {
                    badChars.add(where + ": " + param.name() + "=\"" + param.value() + "\"");
                }
                if (name.equals("resource_metadata") && Target.absolute(param.value()).isEmpty()) {
                    relative.add(where + ": " + param.value());
                }
            }
            if (bearer.get().param("resource_metadata").isEmpty()) {
                noMetadata.add(where);
            }
        }
        Map<String, Object> d = details("responses", challenged.size());
        rec.verdict(PARSES, parseProblems.isEmpty(), String.join("; ", parseProblems), d, challenged);
        rec.verdict(BEARER_FIRST, notFirst.isEmpty(), String.join("; ", notFirst), d, challenged);
        rec.verdict(UNIQUE, duplicates.isEmpty(), "repeated parameters: " + String.join("; ", duplicates), d, challenged);
        rec.verdict(QUOTED, unquoted.isEmpty(), "values sent as tokens, not quoted-strings: " + String.join("; ", unquoted),
                d, challenged);
        rec.verdict(CHARSET, badChars.isEmpty(), "characters outside RFC 6750 §3: " + String.join("; ", badChars), d,
                challenged);
        if (challenged.stream().noneMatch(r -> r.challenges().bearer().flatMap(c -> c.param("resource_metadata")).isPresent())) {
            rec.status(ABSOLUTE, Status.INFO, "no challenge carries resource_metadata, so there is nothing to check",
                    d, challenged);
        } else {
            rec.verdict(ABSOLUTE, relative.isEmpty(), "resource_metadata not absolute: " + String.join("; ", relative), d,
                    challenged);
        }
        rec.verdict(EVERY_401, noMetadata.isEmpty(), "401 responses without resource_metadata: "
                + String.join("; ", noMetadata), d, challenged);
    }
}
