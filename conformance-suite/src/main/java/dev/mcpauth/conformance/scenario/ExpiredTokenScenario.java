package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.check.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;

/** An expired token, otherwise good: 401 invalid_token with a Bearer challenge, also just past any leeway. */
final class ExpiredTokenScenario implements Scenario {
    static final CheckSpec STATUS = CheckSpec.of("expired-token-status-401", Level.MUST,
            "An expired token gets 401",
            "A token signed by the trusted issuer for this resource, with exp 10 minutes in the past, gets 401.",
            List.of("RS-32"), "MCP-authorization#token-handling", "OAUTH21-5.2", "RFC9068-4", "RFC7519-4.1.4");
    static final CheckSpec ERROR = CheckSpec.of("expired-token-error-invalid-token", Level.SHOULD,
            "The rejection says invalid_token",
            "The 401 carries a Bearer challenge with error=\"invalid_token\" (RFC 6750 §3: a request that carried a "
                    + "token and failed SHOULD include the error).",
            List.of("RS-32"), "RFC6750-3.1", "OAUTH21-5.3.2");
    static final CheckSpec CHALLENGE = CheckSpec.of("expired-token-bearer-challenge", Level.MUST,
            "The 401 carries a Bearer challenge",
            "WWW-Authenticate is present, parses strictly, and holds a Bearer challenge with auth-params.",
            List.of("RS-18"), "RFC6750-3", "RFC9110-11.6.1");
    static final CheckSpec LEEWAY = CheckSpec.of("expired-token-beyond-leeway", Level.MUST,
            "Expired beyond a few minutes gets 401",
            "exp 6 minutes in the past gets 401: a small leeway is allowed, but the suite's policy is that no "
                    + "leeway exceeds 5 minutes (checklist §4).",
            List.of("RS-37"), "RFC9068-4", "RFC7519-4.1.4");

    @Override
    public String id() {
        return "expired-token";
    }

    @Override
    public String title() {
        return "Expired token: 401 invalid_token";
    }

    @Override
    public List<String> rows() {
        return List.of("RS-18", "RS-32", "RS-37");
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(STATUS, ERROR, CHALLENGE, LEEWAY);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Optional<String> gate = ctx.tokenGate();
        if (gate.isPresent()) {
            rec.untestableRest(gate.get());
            return;
        }
        Optional<Response> r = Verdicts.rejectMutation(ctx, rec, STATUS, TokenMutation.EXPIRED, Verdicts.ONLY_401);
        Verdicts.errorCode(rec, ERROR, r, "invalid_token");
        if (r.isPresent()) {
            Verdicts.bearerChallenge(rec, CHALLENGE, r.get());
        } else if (!rec.recorded(CHALLENGE)) {
            rec.untestable(CHALLENGE, ctx.mutated(TokenMutation.EXPIRED).unavailable(), List.of());
        }
        Verdicts.rejectMutation(ctx, rec, LEEWAY, TokenMutation.EXPIRED_BEYOND_LEEWAY, Verdicts.ONLY_401);
    }
}
