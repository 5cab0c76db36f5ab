package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.token.JwsSigner.SigningException;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * The trusted issuer's keys change while the target runs, through the suite issuer's admin
 * endpoints: first its JWKS endpoint fails (503) and, during that outage, it starts signing with
 * a new key; then the JWKS comes back. A compliant target keeps trusting the keys it cached,
 * refuses what it cannot verify, and picks up the new key without a restart. Runs after every
 * other token scenario, and always switches the outage off again.
 */
final class KeyLifecycleScenario implements Scenario {
    static final Set<Integer> FAIL_CLOSED = Set.of(401, 503);

    static final CheckSpec CACHED = CheckSpec.of("key-lifecycle-outage-cached-key", Level.MAY,
            "Cached keys keep working during a JWKS outage",
            "While the JWKS endpoint answers 503, a good token signed by a key the target already knows opens a "
                    + "session. No spec requires it (RS-61 is silent): failing closed (401 or 503) is noted as INFO.",
            List.of("RS-61"), "RFC9068-4");
    static final CheckSpec BAD_SIGNATURE = CheckSpec.of("key-lifecycle-outage-bad-signature", Level.MUST,
            "Nothing unverified passes during a JWKS outage",
            "While the JWKS endpoint answers 503, a token with a damaged signature gets 401 or 503 (fail closed, "
                    + "checklist RS-61): an outage is no reason to skip verification (RS-41).",
            List.of("RS-61", "RS-41"), "RFC9068-4", "RFC8725-3.3");
    static final CheckSpec UNKNOWN_KID = CheckSpec.of("key-lifecycle-outage-unknown-kid", Level.MUST,
            "A new key cannot be fetched during the outage: refused",
            "During the outage the issuer starts signing with a new key; a good token signed by it, whose kid the "
                    + "target cannot fetch, gets 401 or 503, never 2xx or another 5xx.",
            List.of("RS-61", "RS-46"), "RFC9068-4", "RFC8725-3.10");
    static final CheckSpec NEW_KEY = CheckSpec.of("key-lifecycle-rotation-new-key", Level.SHOULD,
            "A rotated key is picked up without a restart",
            "After the JWKS is back, a good token signed by the issuer's new key is accepted within --jwks-refetch-wait "
                    + "(default 15 s): an unknown kid MAY trigger a rate-limited JWKS refetch (RS-46), and a server "
                    + "that never refetches breaks at the issuer's next key roll. A refetch rate limit longer than the "
                    + "wait makes this check report a WARNING; raise the wait or lower the limit.",
            List.of("RS-46"), "RFC9068-4", "RFC8414-2");
    static final CheckSpec OLD_KEY = CheckSpec.of("key-lifecycle-rotation-old-key", Level.SHOULD,
            "The previous key still works after a rotation",
            "A good token signed before the rotation, by the key the issuer still publishes, is still accepted.",
            List.of("RS-46"), "RFC9068-4");

    static final long RETRY_MILLIS = 250;

    @Override
    public String id() {
        return "key-lifecycle";
    }

    @Override
    public String title() {
        return "Key lifecycle: JWKS outage and key rotation at the suite's issuer";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(CACHED, BAD_SIGNATURE, UNKNOWN_KID, NEW_KEY, OLD_KEY);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<IssuerClient> admin = ctx.target().fixtures().issuerAdmin();
        if (admin.isEmpty()) {
            rec.untestableRest("needs the suite's issuer and its admin endpoints (run the target trusting a suite "
                    + "issuer and pass --issuer): an operator's authorization server cannot be made to rotate keys or "
                    + "fail on demand");
            return;
        }
        Minted old = ctx.tokens().withScopes(ctx.facts().baselineScope());
        Minted flipped = ctx.mutated(TokenMutation.FLIPPED_SIGNATURE);
        if (!old.available() || !flipped.available()) {
            rec.untestableRest(old.available() ? flipped.unavailable() : old.unavailable());
            return;
        }
        Optional<Minted> fresh = outage(ctx, rec, admin.get(), old, flipped);
        if (fresh.isPresent()) {
            rotation(ctx, rec, fresh.get(), old);
        }
    }

    /** The outage phase; the token signed by the new key, when the phase got that far and the outage ended. */
    private static Optional<Minted> outage(ScenarioContext ctx, CheckRecorder rec, IssuerClient admin, Minted old,
                                           Minted flipped) {
        Optional<Minted> fresh = Optional.empty();
        try {
            admin.jwksOutage(true);
            Response cached = ctx.target().probeWithBearer(old.get());
            rec.verdict(CACHED, cached.status() == 200, "a token signed by a cached key was refused during the JWKS "
                    + "outage: " + Verdicts.describe(cached), details(), List.of(cached));
            Verdicts.rejected(rec, BAD_SIGNATURE, ctx.target().probeWithBearer(flipped.get()), FAIL_CLOSED,
                    "a damaged signature during the JWKS outage");
            RSAKey next = admin.rotate();
            Minted signedByNew = ctx.tokens().withIssuerKey(next).withScopes(ctx.facts().baselineScope());
            if (signedByNew.available()) {
                Verdicts.rejected(rec, UNKNOWN_KID, ctx.target().probeWithBearer(signedByNew.get()), FAIL_CLOSED,
                        "a token signed by a key the target could not fetch (JWKS outage)");
                fresh = Optional.of(signedByNew);
            } else {
                rec.untestableRest(signedByNew.unavailable());
            }
        } catch (SigningException e) {
            rec.untestableRest("the suite issuer's admin endpoints failed: " + e.getMessage());
        } finally {
            if (!restore(rec, admin)) {
                fresh = Optional.empty();
            }
        }
        return fresh;
    }

    /** Switches the outage off; false (and the rest untestable) when the issuer refuses. */
    private static boolean restore(CheckRecorder rec, IssuerClient admin) {
        try {
            admin.jwksOutage(false);
            return true;
        } catch (SigningException e) {
            rec.untestableRest("the JWKS outage could not be switched off: " + e.getMessage());
            return false;
        }
    }

    private static void rotation(ScenarioContext ctx, CheckRecorder rec, Minted fresh, Minted old) {
        long started = System.nanoTime();
        long deadline = started + ctx.target().options().extras().jwksRefetchWait().toNanos();
        int attempts = 0;
        Response first = ctx.target().probeWithBearer(fresh.get());
        Response last = first;
        attempts++;
        while (last.status() != 200 && System.nanoTime() < deadline && pause()) {
            last = ctx.target().probeWithBearer(fresh.get());
            attempts++;
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        rec.verdict(NEW_KEY, last.status() == 200, "a token signed by the issuer's new key was still refused after "
                + waited + " ms (" + attempts + " attempts): " + Verdicts.describe(last) + "; a JWKS refetch rate limit "
                + "longer than --jwks-refetch-wait (" + ctx.target().options().extras().jwksRefetchWait().toSeconds()
                + " s) also ends here", details("attempts", attempts, "waitedMillis", waited),
                first == last ? List.of(last) : List.of(first, last));
        Response previous = ctx.target().probeWithBearer(old.get());
        rec.verdict(OLD_KEY, previous.status() == 200, "a token signed by the previous (still published) key was "
                + "refused after the rotation: " + Verdicts.describe(previous), details(), List.of(previous));
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
