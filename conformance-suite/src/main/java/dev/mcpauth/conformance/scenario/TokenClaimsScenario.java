package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.TypProfile;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** Claims and header rules of RFC 7519 / RFC 9068 / RFC 7515 beyond expiry, audience and issuer. */
final class TokenClaimsScenario implements Scenario {
    private static final String TYP_POLICY = " The level follows --typ-profile (docs/rs-checklist.md, policy P-04: MCP cites RFC 9068 only "
            + "for aud): rfc9068 makes this a MUST (FAILURE); the default lenient profile a SHOULD (WARNING), because "
            + "many authorization servers send typ JWT.";

    static final CheckSpec NBF = CheckSpec.of("token-claims-future-nbf", Level.MUST,
            "A token not yet valid gets 401",
            "nbf 10 minutes in the future gets 401 (beyond any small leeway).",
            List.of("RS-38"), "RFC7519-4.1.5", "RFC9068-4");
    static final CheckSpec IAT = CheckSpec.of("token-claims-future-iat", Level.MAY,
            "iat in the future is noted",
            "iat 1 hour in the future: no spec requires a check (RFC 7519 §4.1.6 is informational), so acceptance "
                    + "passes and a refusal is noted (INFO); details.accepted records the outcome.",
            List.of("RS-38"), "RFC7519-4.1.6");
    static final CheckSpec NO_EXP = CheckSpec.of("token-claims-no-exp", Level.MUST,
            "A JWT without exp gets 401",
            "RFC 9068 §2.2 requires exp; without it expiry cannot be enforced.",
            List.of("RS-39"), "RFC9068-2.2", "RFC9068-4", "OAUTH21-5.2");
    static final CheckSpec NON_NUMERIC = CheckSpec.of("token-claims-non-numeric-exp", Level.MUST,
            "A non-numeric exp is refused",
            "exp \"tomorrow\" (not a NumericDate) gets 401 or 400, never 2xx or 5xx.",
            List.of("RS-40"), "RFC7519-2", "RFC9068-4");
    static final CheckSpec NON_NUMERIC_NBF = CheckSpec.of("token-claims-non-numeric-nbf", Level.MUST,
            "A non-numeric nbf is refused",
            "nbf \"yesterday\" (not a NumericDate) gets 401 or 400, never 2xx or 5xx: a claim that cannot be "
                    + "checked must not be skipped.",
            List.of("RS-40"), "RFC7519-2", "RFC7519-4.1.5");
    static final CheckSpec NUMERIC_AUD = CheckSpec.of("token-claims-numeric-aud", Level.MUST,
            "A numeric aud is refused",
            "aud 12345 (neither a string nor an array of strings) gets 401 or 400, never 2xx or 5xx.",
            List.of("RS-40"), "RFC7519-4.1.3", "RFC9068-4");
    static final CheckSpec NUMERIC_SCOPE = CheckSpec.of("token-claims-numeric-scope", Level.MUST,
            "A scope claim of the wrong type is refused, never a 5xx",
            "scope 42 (not a space-separated string, RFC 9068 §2.2.3) gets 401 or 400. A 5xx fails; a 2xx is a "
                    + "WARNING only (a server that reads no scope at all never looks at it). Providers' other shapes "
                    + "(scp as an array or a string) are not judged: which claim a server reads is its choice.",
            List.of("RS-40"), "RFC9068-2.2.3", "RFC7519-2");
    static final CheckSpec OPTIONAL = CheckSpec.of("token-claims-missing-optional-claims", Level.MAY,
            "Tokens lacking sub, client_id, iat and jti are noted",
            "The AS MUST issue sub, client_id, iat and jti (RFC 9068 §2.2), but no rule makes the resource server "
                    + "check them (docs/rs-checklist.md, policy P-06): acceptance passes, a refusal is noted (INFO); details.accepted "
                    + "records the outcome.",
            List.of("RS-52"), "RFC9068-2.2", "RFC9068-4");
    static final CheckSpec CRIT = CheckSpec.of("token-claims-unknown-crit", Level.MUST,
            "An unknown critical header gets 401",
            "crit [\"x-unknown\"] names an extension the server cannot understand, so the JWS is invalid.",
            List.of("RS-49"), "RFC7515-4.1.11");
    static final CheckSpec TYP = CheckSpec.of("token-claims-wrong-typ", Level.SHOULD,
            "typ JWT is refused (RFC 9068 profile)",
            "A token with typ JWT instead of at+jwt gets 401." + TYP_POLICY,
            List.of("RS-48"), "RFC9068-2.1", "RFC9068-4");
    static final CheckSpec NO_TYP = CheckSpec.of("token-claims-missing-typ", Level.SHOULD,
            "A token without typ is refused (RFC 9068 profile)",
            "A token without a typ header gets 401." + TYP_POLICY,
            List.of("RS-48"), "RFC9068-2.1", "RFC9068-4");
    static final CheckSpec TYP_CASE = CheckSpec.of("token-claims-typ-case-insensitive", Level.MAY,
            "typ at+JWT is accepted",
            "typ is a media type and compared case-insensitively (RFC 7515 §4.1.9); RFC 9068's own example uses "
                    + "at+JWT, so refusing it is noted.",
            List.of("RS-48"), "RFC7515-4.1.9", "RFC9068-2.1");

    @Override
    public String id() {
        return "token-claims";
    }

    @Override
    public String title() {
        return "Token claims: nbf, iat, exp, aud types, optional claims, crit and typ";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(NBF, IAT, NO_EXP, NON_NUMERIC, NON_NUMERIC_NBF, NUMERIC_AUD, NUMERIC_SCOPE, OPTIONAL, CRIT, TYP, NO_TYP, TYP_CASE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Verdicts.rejectMutation(ctx, rec, NBF, TokenMutation.FUTURE_NBF, Verdicts.ONLY_401);
        Verdicts.acceptanceNoted(ctx, rec, IAT, TokenMutation.FUTURE_IAT);
        Verdicts.rejectMutation(ctx, rec, NO_EXP, TokenMutation.NO_EXP, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, NON_NUMERIC, TokenMutation.NON_NUMERIC_EXP, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, NON_NUMERIC_NBF, TokenMutation.NON_NUMERIC_NBF, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, NUMERIC_AUD, TokenMutation.NUMERIC_AUD, Verdicts.MALFORMED);
        numericScope(ctx, rec);
        Verdicts.acceptanceNoted(ctx, rec, OPTIONAL, TokenMutation.MISSING_OPTIONAL_CLAIMS);
        Verdicts.rejectMutation(ctx, rec, CRIT, TokenMutation.UNKNOWN_CRIT, Verdicts.ONLY_401);
        Level typLevel = ctx.target().options().extras().typProfile() == TypProfile.RFC9068 ? Level.MUST : Level.SHOULD;
        Verdicts.rejectMutationAt(ctx, rec, TYP, TokenMutation.WRONG_TYP, typLevel);
        Verdicts.rejectMutationAt(ctx, rec, NO_TYP, TokenMutation.MISSING_TYP, typLevel);
        Minted upper = ctx.mutated(TokenMutation.TYP_AT_JWT_UPPERCASE);
        if (!upper.available()) {
            rec.untestable(TYP_CASE, upper.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(upper.get());
        rec.verdict(TYP_CASE, r.status() == 200, "a token with typ at+JWT was refused: " + r.summary(), details(),
                List.of(r));
    }

    /** 400/401 pass; a 5xx breaks the MUST; a 2xx is a SHOULD-level finding (the scope may be unread). */
    private static void numericScope(ScenarioContext ctx, CheckRecorder rec) {
        Minted token = ctx.mutated(TokenMutation.NUMERIC_SCOPE);
        if (!token.available()) {
            rec.untestable(NUMERIC_SCOPE, token.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(token.get());
        if (!r.received()) {
            rec.untestable(NUMERIC_SCOPE, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        boolean refused = Verdicts.MALFORMED.contains(r.status());
        Level level = r.is5xx() ? Level.MUST : Level.SHOULD;
        rec.verdictAt(NUMERIC_SCOPE, level, refused, "expected 401 or 400 for a token with scope 42; got "
                + Verdicts.describe(r), details("status", r.status()), List.of(r));
    }
}
