package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.check.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** Claims and header rules of RFC 7519 / RFC 9068 / RFC 7515 beyond expiry, audience and issuer. */
final class TokenClaimsScenario implements Scenario {
    static final CheckSpec NBF = CheckSpec.of("token-claims-future-nbf", Level.MUST,
            "A token not yet valid gets 401",
            "nbf 10 minutes in the future gets 401 (beyond any small leeway).",
            List.of("RS-38"), "RFC7519-4.1.5", "RFC9068-4");
    static final CheckSpec NO_EXP = CheckSpec.of("token-claims-no-exp", Level.MUST,
            "A JWT without exp gets 401",
            "RFC 9068 §2.2 requires exp; without it expiry cannot be enforced.",
            List.of("RS-39"), "RFC9068-2.2", "RFC9068-4", "OAUTH21-5.2");
    static final CheckSpec NON_NUMERIC = CheckSpec.of("token-claims-non-numeric-exp", Level.MUST,
            "A non-numeric exp is refused",
            "exp \"tomorrow\" (not a NumericDate) gets 401 or 400, never 2xx or 5xx.",
            List.of("RS-40"), "RFC7519-2", "RFC9068-4");
    static final CheckSpec CRIT = CheckSpec.of("token-claims-unknown-crit", Level.MUST,
            "An unknown critical header gets 401",
            "crit [\"x-unknown\"] names an extension the server cannot understand, so the JWS is invalid.",
            List.of("RS-49"), "RFC7515-4.1.11");
    static final CheckSpec TYP = CheckSpec.of("token-claims-wrong-typ", Level.SHOULD,
            "typ JWT is refused (RFC 9068 profile)",
            "RFC 9068 requires typ at+jwt and MCP cites RFC 9068 only for aud, so accepting typ JWT is a warning "
                    + "(lenient profile, checklist §4), not a failure.",
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
        return "Token claims: nbf, exp, crit and typ";
    }

    @Override
    public List<String> rows() {
        return List.of("RS-38", "RS-39", "RS-40", "RS-48", "RS-49");
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(NBF, NO_EXP, NON_NUMERIC, CRIT, TYP, TYP_CASE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Optional<String> gate = ctx.tokenGate();
        if (gate.isPresent()) {
            rec.untestableRest(gate.get());
            return;
        }
        Verdicts.rejectMutation(ctx, rec, NBF, TokenMutation.FUTURE_NBF, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, NO_EXP, TokenMutation.NO_EXP, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, NON_NUMERIC, TokenMutation.NON_NUMERIC_EXP, Verdicts.MALFORMED);
        Verdicts.rejectMutation(ctx, rec, CRIT, TokenMutation.UNKNOWN_CRIT, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, TYP, TokenMutation.WRONG_TYP, Verdicts.ONLY_401);
        Minted upper = ctx.mutated(TokenMutation.TYP_AT_JWT_UPPERCASE);
        if (!upper.available()) {
            rec.untestable(TYP_CASE, upper.unavailable(), List.of());
            return;
        }
        Response r = ctx.initializeWithBearer(upper.get());
        rec.verdict(TYP_CASE, r.status() == 200, "a token with typ at+JWT was refused: " + r.summary(), details(),
                List.of(r));
    }
}
