package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** Audience binding (RFC 8707): tokens minted for anything but this resource are refused. */
final class WrongAudienceScenario implements Scenario {
    static final CheckSpec STATUS = CheckSpec.of("wrong-audience-status-401", Level.MUST,
            "A token for another resource gets 401",
            "A token from the trusted issuer with aud https://other.test/mcp gets 401.",
            List.of("RS-53"), "MCP-authorization#token-audience-binding-and-validation", "RFC8707-2", "RFC9068-4");
    static final CheckSpec ERROR = CheckSpec.of("wrong-audience-error-invalid-token", Level.SHOULD,
            "The rejection says invalid_token",
            "The 401 carries a Bearer challenge with error=\"invalid_token\".",
            List.of("RS-53"), "RFC6750-3.1");
    static final CheckSpec MISSING = CheckSpec.of("wrong-audience-missing-aud", Level.MUST,
            "A token without aud gets 401",
            "A JWT access token without aud cannot have been issued for this server (RFC 9068 §2.2 requires aud).",
            List.of("RS-54"), "RFC9068-2.2", "RFC9068-4", "MCP-authorization#token-audience-binding-and-validation");
    static final CheckSpec OTHER_API = CheckSpec.of("wrong-audience-other-api", Level.MUST,
            "A token for another API gets 401 (no passthrough)",
            "A token from the trusted issuer minted for https://api.github.com gets 401: the server accepts no token "
                    + "meant for another API.",
            List.of("RS-57"), "MCP-security#token-passthrough", "MCP-authorization#token-audience-binding-and-validation");
    static final CheckSpec ID_TOKEN = CheckSpec.of("wrong-audience-id-token", Level.MUST,
            "An ID-token-shaped token gets 401",
            "A token shaped like an OpenID Connect ID token (aud and azp the client id, nonce, auth_time, no scope), "
                    + "signed by the trusted issuer, gets 401: an ID token is not an access token for this server.",
            List.of("RS-57"), "MCP-security#token-passthrough", "RFC9068-4");
    static final CheckSpec ARRAY = CheckSpec.of("wrong-audience-array-with-target", Level.MAY,
            "An aud array containing this resource is accepted",
            "RFC 9068 §4 says the audience must contain the resource; aud [https://other.test/mcp, <target>] "
                    + "should open a session. Multi-audience tokens carry risk (RFC 8707 §3), so a refusal is only noted.",
            List.of("RS-55"), "RFC9068-4", "RFC8707-3");

    static final CheckSpec VARIANTS = CheckSpec.of("wrong-audience-resource-variants", Level.MAY,
            "Spelling variants of the resource as aud",
            "aud with an upper-case scheme and host (HTTPS://HOST/mcp) names this resource (scheme and host are "
                    + "case-insensitive) and SHOULD be accepted; a refusal is noted (INFO: many servers compare "
                    + "exactly). aud with a trailing slash added is server-defined: accepted or refused, it is recorded "
                    + "in details (trailingSlashAccepted). A 5xx for either is noted too.",
            List.of("RS-56"), "MCP-authorization#canonical-server-uri", "RFC3986-6.2.2.1");

    @Override
    public String id() {
        return "wrong-audience";
    }

    @Override
    public String title() {
        return "Wrong audience: tokens for other resources are refused";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(STATUS, ERROR, MISSING, OTHER_API, ID_TOKEN, ARRAY, VARIANTS);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<Response> r = Verdicts.rejectMutation(ctx, rec, STATUS, TokenMutation.WRONG_AUDIENCE, Verdicts.ONLY_401);
        Verdicts.errorCode(rec, ERROR, r, "invalid_token");
        Verdicts.rejectMutation(ctx, rec, MISSING, TokenMutation.MISSING_AUDIENCE, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, OTHER_API, TokenMutation.OTHER_API_AUDIENCE, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, ID_TOKEN, TokenMutation.CLIENT_ID_AUDIENCE, Verdicts.ONLY_401);
        Minted array = ctx.mutated(TokenMutation.AUDIENCE_ARRAY_WITH_TARGET);
        if (!array.available()) {
            rec.untestable(ARRAY, array.unavailable(), List.of());
        } else {
            Response accepted = ctx.target().probeWithBearer(array.get());
            rec.verdict(ARRAY, accepted.status() == 200, "a token whose aud array contains this resource was refused: "
                    + accepted.summary(), details(), List.of(accepted));
        }
        variants(ctx, rec);
    }

    private static void variants(ScenarioContext ctx, CheckRecorder rec) {
        Minted upper = ctx.mutated(TokenMutation.AUDIENCE_UPPERCASE);
        Minted slash = ctx.mutated(TokenMutation.AUDIENCE_TRAILING_SLASH);
        if (!upper.available() || !slash.available()) {
            rec.untestable(VARIANTS, upper.available() ? slash.unavailable() : upper.unavailable(), List.of());
            return;
        }
        Response u = ctx.target().probeWithBearer(upper.get());
        Response s = ctx.target().probeWithBearer(slash.get());
        if (!u.received() || !s.received()) {
            rec.untestable(VARIANTS, "no response: " + (u.received() ? s : u).transportError().orElse("?"), List.of(u, s));
            return;
        }
        List<String> notes = new java.util.ArrayList<>();
        if (u.status() != 200) {
            notes.add("aud with upper-case scheme and host was refused: " + Verdicts.describe(u));
        }
        if (s.is5xx()) {
            notes.add("aud with a trailing slash got " + Verdicts.describe(s));
        }
        rec.verdict(VARIANTS, notes.isEmpty(), String.join("; ", notes), details("upperCaseAccepted", u.status() == 200,
                "trailingSlashAccepted", s.status() == 200), List.of(u, s));
    }
}
