package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** Tokens that are not (valid) JWTs at all: refused with 401 (or 400 when malformed), never 2xx or 5xx. */
final class NonJwtTokenScenario implements Scenario {
    private static CheckSpec opaque(String suffix, String what) {
        return CheckSpec.of("non-jwt-token-" + suffix, Level.MUST, what + " gets 401",
                what + " gets 401, never a server error.",
                List.of("RS-33"), "MCP-authorization#token-handling", "OAUTH21-5.2", "OAUTH21-5.3.2");
    }

    private static CheckSpec malformed(String suffix, String what, String... rows) {
        return CheckSpec.of("non-jwt-token-" + suffix, Level.MUST, "A JWT with " + what + " is refused",
                "A token with " + what + " gets 401 invalid_token or 400 invalid_request (docs/rs-checklist.md, policy P-01, accepts both "
                        + "for malformed tokens), never 2xx or 5xx.",
                List.of(rows.length == 0 ? new String[]{"RS-50"} : rows), "OAUTH21-5.3.2", "RFC7519-7.2");
    }

    static final CheckSpec RANDOM = opaque("random-opaque", "A random opaque token");
    static final CheckSpec ERROR = CheckSpec.of("non-jwt-token-error-invalid-token", Level.SHOULD,
            "The rejection says invalid_token",
            "The 401 for the random opaque token carries a Bearer challenge with error=\"invalid_token\".",
            List.of("RS-33"), "RFC6750-3.1");
    static final CheckSpec SINGLE = opaque("single-char", "A one-character token");
    static final CheckSpec RANDOM_4KB = opaque("random-4kb", "A 4 KB random token");
    static final CheckSpec TWO = malformed("two-parts", "two parts");
    static final CheckSpec FOUR = malformed("four-parts", "four parts");
    static final CheckSpec FIVE = malformed("five-parts",
            "five parts (an unagreed JWE shape)", "RS-50", "RS-51");
    static final CheckSpec BASE64 = malformed("bad-base64url", "a header outside base64url");
    static final CheckSpec HEADER = malformed("non-json-header", "a header that is not JSON");
    static final CheckSpec ARRAY = malformed("array-payload", "a validly signed array payload");
    static final CheckSpec OVERSIZED = CheckSpec.of("non-jwt-token-oversized", Level.SHOULD,
            "A 64 KB token is refused cleanly",
            "A 64 KB token gets 431, 413, 400 or 401, or the server closes or resets the connection and answers "
                    + "a normal request on a new connection right after (a clean refusal: Node, for one, answers 431 "
                    + "and closes while the request is still arriving, which can destroy the 431). Accepting it "
                    + "fails the check; a 5xx, a hang, or a server that stops answering after it is a warning (no "
                    + "spec sets a size limit). The details say which happened.",
            List.of("RS-75"), "RFC6585-5");

    private static final Set<Integer> OVERSIZED_OK = Set.of(400, 401, 413, 431);

    @Override
    public String id() {
        return "non-jwt-token";
    }

    @Override
    public String title() {
        return "Non-JWT and malformed tokens: refused, never a server error";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(RANDOM, ERROR, SINGLE, RANDOM_4KB, TWO, FOUR, FIVE, BASE64, HEADER, ARRAY, OVERSIZED);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<Response> random = Verdicts.rejectMutation(ctx, rec, RANDOM, TokenMutation.RANDOM_OPAQUE, Verdicts.ONLY_401);
        Verdicts.errorCode(rec, ERROR, random, "invalid_token");
        Verdicts.rejectMutation(ctx, rec, SINGLE, TokenMutation.SINGLE_CHAR, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, RANDOM_4KB, TokenMutation.RANDOM_4KB, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, TWO, TokenMutation.TWO_PARTS, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, FOUR, TokenMutation.FOUR_PARTS, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, FIVE, TokenMutation.FIVE_PARTS, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, BASE64, TokenMutation.BAD_BASE64URL, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, HEADER, TokenMutation.NON_JSON_HEADER, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, ARRAY, TokenMutation.ARRAY_PAYLOAD, Verdicts.MALFORMED);
        oversized(ctx, rec);
    }

    private static void oversized(ScenarioContext ctx, CheckRecorder rec) {
        Minted t = ctx.mutated(TokenMutation.OVERSIZED_64KB);
        if (!t.available()) {
            rec.untestable(OVERSIZED, t.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(t.get());
        if (!r.received()) {
            dropped(ctx, rec, r);
        } else if (r.is2xx()) {
            rec.status(OVERSIZED, Status.FAILURE, "a 64 KB random token was accepted: " + r.summary(),
                    details("outcome", "accepted"), List.of(r));
        } else if (OVERSIZED_OK.contains(r.status())) {
            rec.pass(OVERSIZED, details("outcome", "refused with " + r.status()), List.of(r));
        } else {
            rec.violated(OVERSIZED, "expected 431, 413, 400 or 401 for a 64 KB token; got " + Verdicts.describe(r),
                    details("outcome", "answered " + r.status()), List.of(r));
        }
    }

    /** No response: a timeout is a hang; a close or reset is clean if a new connection is answered right after. */
    private static void dropped(ScenarioContext ctx, CheckRecorder rec, Response r) {
        String error = r.transportError().orElse("?");
        if (error.contains("HttpTimeoutException") || error.toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
            rec.violated(OVERSIZED, "no answer to a 64 KB token within the request timeout (a hang): " + error,
                    details("outcome", "hang", "transportError", error), List.of(r));
            return;
        }
        Response after = ctx.target().http().sendOnNewConnection(ctx.target().mcp().probeRequest());
        boolean alive = after.received() && !after.is5xx();
        rec.verdict(OVERSIZED, alive, "the connection was dropped on a 64 KB token (" + error + ") and a normal "
                        + "request on a new connection right after got " + Verdicts.describe(after)
                        + ": the server did not survive it",
                details("outcome", "connection closed without a response", "transportError", error,
                        "followUpOnNewConnection", after.received() ? after.status() : after.transportError().orElse("?")),
                List.of(r, after));
    }
}
