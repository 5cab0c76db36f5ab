package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenSource;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Whether the target takes access tokens in the RFC 9068 form ({@code typ: at+jwt}). A target that refuses them
 * but takes {@code typ: JWT} is judged on everything else with {@code JWT} (see {@link TokenTypFallback}); the
 * refusal is reported here, once.
 */
final class AccessTokenTypScenario implements Scenario {
    static final String REFUSED = "RFC 9068 access tokens refused";

    static final CheckSpec RFC9068_ACCEPTED = CheckSpec.of("access-token-typ-rfc9068-accepted", Level.SHOULD,
            "A good token with typ at+jwt is accepted",
            "A good token in the RFC 9068 form (typ at+jwt, RFC 9068 §2.1) opens a session. A target that refuses it "
                    + "while it accepts the same token with typ JWT gets a WARNING (\"" + REFUSED + "\"): an "
                    + "authorization server that follows RFC 9068 issues at+jwt, but MCP does not require RFC 9068 "
                    + "(docs/rs-checklist.md, policy P-04). The run then goes on with typ JWT and says so.",
            List.of("RS-48"), "RFC9068-2.1", "RFC9068-4");

    @Override
    public String id() {
        return "access-token-typ";
    }

    @Override
    public String title() {
        return "RFC 9068 access tokens (typ at+jwt) are accepted";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(RFC9068_ACCEPTED);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Optional<Acceptance> refused = ctx.facts().refusedRfc9068();
        if (refused.isPresent()) {
            List<Response> seen = refused.get().session().map(McpSession::responses).orElse(List.of());
            rec.violated(RFC9068_ACCEPTED, REFUSED + ": initialize with a good token with typ at+jwt answered "
                    + seen.stream().findFirst().map(Response::summary).orElse("nothing") + ", the same token with typ "
                    + TokenTypFallback.FALLBACK.label() + " was accepted; the rest of the run used typ "
                    + TokenTypFallback.FALLBACK.label(), details("acceptedTyp", TokenTypFallback.FALLBACK.label()), seen);
            return;
        }
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<TokenSource> rfc9068 = ctx.tokens().withTokenTyp(TokenTyp.AT_JWT);
        if (rfc9068.isEmpty()) {
            rec.untestable(RFC9068_ACCEPTED, "only the suite's issuer can mint a token with typ at+jwt; the operator's "
                    + "token is used as it is", List.of());
            return;
        }
        if (ctx.target().options().extras().tokenTyp() == TokenTyp.AT_JWT) {
            rec.pass(RFC9068_ACCEPTED, details("typ", TokenTyp.AT_JWT.label()),
                    ctx.facts().acceptance().session().map(McpSession::responses).orElse(List.of()));
            return;
        }
        Minted token = rfc9068.get().baseline(ctx.facts().baselineScope());
        if (!token.available()) {
            rec.untestable(RFC9068_ACCEPTED, token.unavailable(), List.of());
            return;
        }
        Response r = ctx.target().probeWithBearer(token.get());
        rec.verdict(RFC9068_ACCEPTED, r.status() == 200, REFUSED + ": a good token with typ at+jwt answered "
                + r.summary() + " (the run used --token-typ " + ctx.target().options().extras().tokenTyp().label() + ")",
                details("typ", TokenTyp.AT_JWT.label()), List.of(r));
    }
}
