package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.token.JwsSigner.SigningException;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.OpaqueIssuerTokens;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Opaque tokens validated by RFC 7662 introspection at the suite's issuer ({@code --token-format
 * opaque}; the expired, wrong-audience, wrong-issuer and insufficient-scope scenarios of that
 * profile send opaque tokens too). The issuer answers a revoked token {@code active: false}
 * with its claims still listed, so only a server that honours {@code active} refuses it; then the
 * introspection endpoint fails (503) for a moment, and is always switched back on.
 */
final class IntrospectionScenario implements Scenario {
    static final CheckSpec REVOKED = CheckSpec.of("introspection-revoked-401", Level.MUST,
            "A token the authorization server calls inactive gets 401",
            "An opaque token the suite's issuer revoked before it was ever presented gets 401: its introspection "
                    + "answer is active false (the other claims still look good).",
            List.of("RS-60"), "RFC7662-2.2", "MCP-authorization#token-handling");
    static final CheckSpec UNKNOWN = CheckSpec.of("introspection-unknown-401", Level.MUST,
            "A token the authorization server never issued gets 401",
            "An opaque token of the issuer's shape that it never issued gets 401 (introspection answers "
                    + "{\"active\":false}).",
            List.of("RS-60"), "RFC7662-2.2", "MCP-authorization#token-handling");
    static final CheckSpec OUTAGE = CheckSpec.of("introspection-outage-fails-closed", Level.MUST,
            "Nothing passes while introspection is down",
            "While the issuer's introspection endpoint answers 503, a good opaque token the target has not seen "
                    + "before gets 401 or 503, never 2xx: a token that could not be validated is no valid token "
                    + "(docs/rs-checklist.md, RS-61). details.status records which refusal.",
            List.of("RS-61", "RS-60"), "RFC7662-2.2", "RFC6750-3.1");
    static final CheckSpec RECOVERS = CheckSpec.of("introspection-outage-recovers", Level.SHOULD,
            "Introspection works again after the outage",
            "After the outage ends, the same good opaque token is accepted within 10 seconds (a server may back "
                    + "off for a moment; it must not stay shut). No spec rule: WARNING at most (policy P-06).",
            List.of("RS-61"), "RFC7662-2.1");

    static final long RECOVERY_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 250;

    @Override
    public String id() {
        return "introspection";
    }

    @Override
    public String title() {
        return "Opaque tokens: introspection answers honoured, outage fails closed";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(REVOKED, UNKNOWN, OUTAGE, RECOVERS);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Optional<IssuerClient> admin = ctx.target().fixtures().issuerAdmin();
        if (!(ctx.tokens() instanceof OpaqueIssuerTokens opaque) || admin.isEmpty()) {
            rec.untestableRest("needs --token-format opaque and the suite's issuer (the target trusting it and "
                    + "introspecting at its /introspect)");
            return;
        }
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String scope = ctx.facts().baselineScope();
        try {
            Minted revoked = opaque.withScopes(scope);
            if (revoked.available()) {
                admin.get().revoke(revoked.get());
                Verdicts.rejected(rec, REVOKED, ctx.target().probeWithBearer(revoked.get()), Verdicts.ONLY_401,
                        "an opaque token the issuer revoked");
            } else {
                rec.untestable(REVOKED, revoked.unavailable(), List.of());
            }
            Minted unknown = opaque.neverIssued();
            Verdicts.rejected(rec, UNKNOWN, ctx.target().probeWithBearer(unknown.get()), Verdicts.ONLY_401,
                    "an opaque token the issuer never issued");
            outage(ctx, rec, admin.get(), opaque.withScopes(scope));
        } catch (SigningException e) {
            rec.untestableRest("the suite issuer's admin endpoints failed: " + e.getMessage());
        }
    }

    private static void outage(ScenarioContext ctx, CheckRecorder rec, IssuerClient admin, Minted fresh)
            throws SigningException {
        if (!fresh.available()) {
            rec.untestableRest(fresh.unavailable());
            return;
        }
        Response during;
        try {
            admin.introspectionOutage(true);
            during = ctx.target().probeWithBearer(fresh.get());
        } finally {
            admin.introspectionOutage(false);
        }
        if (!during.received()) {
            rec.untestable(OUTAGE, "no response during the outage: " + during.transportError().orElse("?"),
                    List.of(during));
        } else {
            rec.verdict(OUTAGE, KeyLifecycleScenario.FAIL_CLOSED.contains(during.status()), "expected 401 or 503 for "
                    + "a good opaque token while introspection was down; got " + Verdicts.describe(during),
                    details("status", during.status()), List.of(during));
        }
        long started = System.nanoTime();
        Response after = ctx.target().probeWithBearer(fresh.get());
        while (after.status() != 200 && System.nanoTime() - started < RECOVERY_MILLIS * 1_000_000 && pause()) {
            after = ctx.target().probeWithBearer(fresh.get());
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        rec.verdict(RECOVERS, after.status() == 200, "a good opaque token was still refused " + waited + " ms after "
                + "the introspection outage ended: " + Verdicts.describe(after), details("waitedMillis", waited),
                List.of(after));
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
