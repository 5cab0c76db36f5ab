package dev.mcpauth.conformance.scenario;


import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.ParsedChallenges;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Verdict helpers shared by scenarios, so the same question is always answered the same way. */
final class Verdicts {
    static final Set<Integer> ONLY_401 = Set.of(401);
    /** docs/rs-checklist.md, policy P-01: a malformed token may get 400 invalid_request or 401 invalid_token. */
    static final Set<Integer> MALFORMED = Set.of(400, 401);

    private Verdicts() {
    }

    /** Ordered details map from alternating keys and values. */
    static Map<String, Object> details(Object... kv) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }

    /** What happened, in words a report reader needs: the status, and what a 2xx or 5xx means here. */
    static String describe(Response r) {
        if (!r.received()) {
            return r.summary();
        }
        String meaning = r.is2xx() ? ": the request was accepted" : r.is5xx() ? ": a server error instead of a rejection" : "";
        return r.summary() + meaning;
    }

    static String expected(Set<Integer> allowed) {
        return String.join(" or ", new TreeSet<>(allowed).stream().map(String::valueOf).toList());
    }

    /** Records whether a request carrying a bad credential was refused with an allowed status. */
    static void rejected(CheckRecorder rec, CheckSpec spec, Response r, Set<Integer> allowed, String what) {
        if (!r.received()) {
            rec.untestable(spec, "no response to " + what + ": " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        rec.verdict(spec, allowed.contains(r.status()),
                "expected " + expected(allowed) + " for " + what + "; got " + describe(r),
                details("sent", what), List.of(r));
    }

    /** One rejection check for one mutation; returns the response when one was sent. */
    static Optional<Response> rejectMutation(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec,
                                             TokenMutation mutation, Set<Integer> allowed) {
        if (!rec.applies(spec)) {
            return Optional.empty();
        }
        Minted token = ctx.mutated(mutation);
        if (!token.available()) {
            rec.untestable(spec, token.unavailable(), List.of());
            return Optional.empty();
        }
        Response r = ctx.target().probeWithBearer(token.get());
        String what = ctx.tokens().mutationDescription(mutation);
        rejected(rec, spec, r, allowed, what.startsWith("the --") ? what : "a token with " + what);
        return Optional.of(r);
    }

    /** {@link #rejectMutation} at a level this run decides (e.g. by the {@code typ} profile). */
    static void rejectMutationAt(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, TokenMutation mutation,
                                 Level level) {
        Minted token = ctx.mutated(mutation);
        if (!token.available()) {
            rec.untestable(spec, token.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(token.get());
        if (!r.received()) {
            rec.untestable(spec, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        rec.verdictAt(spec, level, r.status() == 401, "expected 401 for a token with " + mutation.description()
                + "; got " + describe(r), details("sent", mutation.description()), List.of(r));
    }

    /**
     * A MAY / silent check whose preferred outcome is acceptance: 200 passes, anything else is
     * noted at the check's level (INFO); {@code details.accepted} records what was seen.
     */
    static void acceptanceNoted(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, TokenMutation mutation) {
        Minted token = ctx.mutated(mutation);
        if (!token.available()) {
            rec.untestable(spec, token.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(token.get());
        if (!r.received()) {
            rec.untestable(spec, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        rec.verdict(spec, r.status() == 200, "a token with " + mutation.description() + " was refused: " + describe(r),
                details("sent", mutation.description(), "accepted", r.status() == 200), List.of(r));
    }

    /**
     * Records whether a rejection carried a Bearer challenge with {@code error="<code>"}
     * (RFC 6750 §3.1). Untestable when no rejection response is available.
     */
    static void errorCode(CheckRecorder rec, CheckSpec spec, Optional<Response> response, String code) {
        if (!rec.applies(spec)) {
            return;
        }
        if (response.isEmpty() || !response.get().received()) {
            rec.untestable(spec, "no rejection response to inspect", response.map(List::of).orElse(List.of()));
            return;
        }
        Response r = response.get();
        ParsedChallenges p = r.challenges();
        Optional<String> error = p.bearer().flatMap(c -> c.value("error"));
        rec.verdict(spec, error.isPresent() && error.get().equals(code),
                "expected a Bearer challenge with error=\"" + code + "\"; got " + r.summary()
                        + (p.errors().isEmpty() ? "" : " (unparseable: " + String.join("; ", p.errors()) + ")"),
                details("error", error.orElse("")), List.of(r));
    }

    /** Records whether the response has a strictly parseable WWW-Authenticate with a Bearer challenge. */
    static void bearerChallenge(CheckRecorder rec, CheckSpec spec, Response r) {
        if (!r.received()) {
            rec.untestable(spec, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        Optional<String> problem = bearerChallengeProblem(r.challenges());
        rec.verdict(spec, problem.isEmpty(), problem.orElse("") + "; got " + r.summary(),
                details("challenges", r.challenges().challenges().stream().map(Challenge::scheme).toList()), List.of(r));
    }

    /** Why a response's challenges do not meet RS-18 (present, parseable, Bearer with auth-params), if they don't. */
    static Optional<String> bearerChallengeProblem(ParsedChallenges p) {
        if (!p.present()) {
            return Optional.of("no WWW-Authenticate header");
        }
        if (!p.errors().isEmpty()) {
            return Optional.of("WWW-Authenticate does not parse under RFC 9110 §11: " + String.join("; ", p.errors()));
        }
        if (p.bearer().isEmpty()) {
            return Optional.of("no Bearer challenge");
        }
        if (p.bearer().get().params().isEmpty()) {
            return Optional.of("the Bearer challenge has no auth-param (RFC 6750 §3 requires at least one)");
        }
        return Optional.empty();
    }

    /** RFC 6750 §3 scope syntax: scope-tokens of %x21 / %x23-5B / %x5D-7E separated by single spaces. */
    static boolean validScope(String scope) {
        return scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    }

    /** RFC 6750 §3 error / error_description characters: %x20-21 / %x23-5B / %x5D-7E. */
    static boolean validErrorText(String value) {
        return value.matches("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*");
    }
}
