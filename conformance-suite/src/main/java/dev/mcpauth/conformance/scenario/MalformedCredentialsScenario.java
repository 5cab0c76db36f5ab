package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Authorization headers that are not one well-formed Bearer credential: other schemes, a bare
 * token, an empty or broken Bearer value, two Authorization lines. None may authenticate.
 */
final class MalformedCredentialsScenario implements Scenario {
    static final CheckSpec BASIC = CheckSpec.of("malformed-credentials-basic-scheme-401", Level.MUST,
            "Another scheme gets 401",
            "Authorization: Basic … counts as no Bearer credentials and gets 401 with a Bearer challenge.",
            List.of("RS-28", "RS-17"), "RFC6750-3.1", "OAUTH21-5.3");
    static final CheckSpec BASIC_NO_ERROR = CheckSpec.of("malformed-credentials-basic-scheme-no-error", Level.SHOULD,
            "Another scheme gets no error code",
            "RFC 6750 §3.1: an unsupported authentication method is a request without credentials, so the challenge "
                    + "SHOULD carry no error.",
            List.of("RS-28"), "RFC6750-3.1");
    static final CheckSpec BARE = CheckSpec.of("malformed-credentials-bare-token", Level.MUST,
            "A bare token without scheme is refused",
            "Authorization: <good token> (no scheme) gets 401 (or 400), never 2xx or 5xx.",
            List.of("RS-28"), "RFC6750-2.1", "RFC9110-11.6.2");
    static final CheckSpec EMPTY = CheckSpec.of("malformed-credentials-empty-bearer", Level.MUST,
            "Bearer without a token is refused",
            "Authorization: Bearer, and Bearer followed by a space, each get 400 invalid_request or 401 (docs/rs-checklist.md, "
                    + "policy P-01, accepts both), never 2xx or 5xx.",
            List.of("RS-29"), "RFC6750-2.1", "OAUTH21-5.3.2");
    static final CheckSpec SPACE_INSIDE = CheckSpec.of("malformed-credentials-space-inside", Level.MUST,
            "A token with a space inside is refused",
            "A good token split by a space gets 400 or 401, never 2xx or 5xx: the server must not use either half.",
            List.of("RS-29"), "RFC6750-2.1");
    static final CheckSpec TRAILING_WORD = CheckSpec.of("malformed-credentials-trailing-word", Level.MUST,
            "A good token followed by another word is refused",
            "Authorization: Bearer <good token> garbage (a space, then more characters) gets 400 or 401, never 2xx "
                    + "or 5xx: a server that keeps the first word authenticates a malformed credential.",
            List.of("RS-29"), "RFC6750-2.1");
    static final CheckSpec NON_TOKEN68 = CheckSpec.of("malformed-credentials-non-token68", Level.MUST,
            "Characters outside token68 are refused",
            "A good token followed by '!' and by '\"' (outside token68) gets 400 or 401, never 2xx or 5xx.",
            List.of("RS-29"), "RFC6750-2.1");
    static final CheckSpec DUPLICATE = CheckSpec.of("malformed-credentials-duplicate-authorization", Level.SHOULD,
            "Two Authorization lines are refused",
            "Two Authorization field lines (a good and a bad token, in both orders) get 400 invalid_request (401 is "
                    + "accepted). A 2xx means the server picked one: FAILURE.",
            List.of("RS-30"), "RFC6750-3.1", "OAUTH21-5.3.2", "RFC9110-5.3");

    @Override
    public String id() {
        return "malformed-credentials";
    }

    @Override
    public String title() {
        return "Malformed credentials: other schemes, bare, empty and doubled tokens";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(BASIC, BASIC_NO_ERROR, BARE, EMPTY, SPACE_INSIDE, TRAILING_WORD, NON_TOKEN68, DUPLICATE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String good = ctx.facts().baselineToken().get();
        Response basic = ctx.target().probeWith("Basic Y29uZm9ybWFuY2U6c3VpdGU=");
        Verdicts.rejected(rec, BASIC, basic, Verdicts.ONLY_401, "Authorization: Basic");
        if (basic.status() == 401) {
            Optional<String> error = basic.challenges().bearer().flatMap(c -> c.value("error"));
            rec.verdict(BASIC_NO_ERROR, error.isEmpty(), "the challenge to a Basic credential carries error=\""
                    + error.orElse("") + "\"", details(), List.of(basic));
        } else {
            rec.untestable(BASIC_NO_ERROR, "the Basic credential did not get a 401 to inspect", List.of(basic));
        }
        Verdicts.rejected(rec, BARE, ctx.target().probeWith(good), Verdicts.MALFORMED, "a good token without scheme");
        allRefused(ctx, rec, EMPTY, Map.of("Bearer", "Bearer", "Bearer followed by a space", "Bearer "));
        int half = good.length() / 2;
        allRefused(ctx, rec, SPACE_INSIDE, Map.of("Bearer <first half> <second half>",
                "Bearer " + good.substring(0, half) + " " + good.substring(half)));
        allRefused(ctx, rec, TRAILING_WORD, Map.of("Bearer <good token> garbage", "Bearer " + good + " garbage"));
        allRefused(ctx, rec, NON_TOKEN68, Map.of("Bearer <good token>!", "Bearer " + good + "!",
                "Bearer <good token>\"", "Bearer " + good + "\""));
        duplicate(ctx, rec, good);
    }

    /** Each labelled Authorization value gets 400 or 401; the message names the values that did not, by label. */
    private static void allRefused(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, Map<String, String> values) {
        List<Response> responses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> v : new java.util.TreeMap<>(values).entrySet()) {
            Response r = ctx.target().probeWith(v.getValue());
            responses.add(r);
            if (!r.received()) {
                rec.untestable(spec, "no response to " + v.getKey() + ": " + r.transportError().orElse("?"), responses);
                return;
            }
            if (!Verdicts.MALFORMED.contains(r.status())) {
                wrong.add(v.getKey() + " → " + Verdicts.describe(r));
            }
        }
        rec.verdict(spec, wrong.isEmpty(), "expected 400 or 401; got " + String.join("; ", wrong),
                details("sent", new ArrayList<>(new java.util.TreeMap<>(values).keySet())), responses);
    }

    private static void duplicate(ScenarioContext ctx, CheckRecorder rec, String good) {
        Minted bad = ctx.mutated(TokenMutation.RANDOM_OPAQUE);
        if (!bad.available()) {
            rec.untestable(DUPLICATE, bad.unavailable(), List.of());
            return;
        }
        Request init = ctx.target().mcp().probeRequest();
        Response goodFirst = ctx.target().send(init.bearer(good).bearer(bad.get()));
        Response badFirst = ctx.target().send(init.bearer(bad.get()).bearer(good));
        List<Response> both = List.of(goodFirst, badFirst);
        if (both.stream().anyMatch(r -> !r.received())) {
            rec.untestable(DUPLICATE, "no response to a request with two Authorization lines", both);
        } else if (both.stream().anyMatch(Response::is2xx)) {
            rec.status(DUPLICATE, Status.FAILURE, "the server picked one of two Authorization lines: good first → "
                    + goodFirst.summary() + "; bad first → " + badFirst.summary(), details(), both);
        } else {
            boolean ok = both.stream().allMatch(r -> r.status() == 400 || r.status() == 401);
            rec.verdict(DUPLICATE, ok, "expected 400 (or 401); got " + goodFirst.summary() + " and " + badFirst.summary(),
                    details(), both);
        }
    }
}
