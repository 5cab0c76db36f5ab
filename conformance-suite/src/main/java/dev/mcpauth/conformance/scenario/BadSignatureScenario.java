package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * Signatures: a damaged one, algorithm confusion (HS256 keyed with the public key, another RSA
 * algorithm on the RS256 key), keys the token brings along ({@code jwk}, {@code jku}) and key
 * ids the issuer never published.
 */
final class BadSignatureScenario implements Scenario {
    static final CheckSpec FLIPPED = CheckSpec.of("bad-signature-flipped-byte", Level.MUST,
            "A damaged signature gets 401",
            "A good token with one bit of its RS256 signature flipped gets 401.",
            List.of("RS-41"), "RFC9068-4", "RFC8725-3.3", "RFC7515-5.2");
    static final CheckSpec ERROR = CheckSpec.of("bad-signature-error-invalid-token", Level.SHOULD,
            "The rejection says invalid_token",
            "The 401 for the damaged signature carries a Bearer challenge with error=\"invalid_token\".",
            List.of("RS-41"), "RFC6750-3.1");
    static final CheckSpec HS_PEM = CheckSpec.of("bad-signature-hs256-public-key-pem", Level.MUST,
            "HS256 keyed with the public key (PEM) gets 401",
            "Good claims signed with HS256 using the issuer's public key, as PEM text, as the secret, under the "
                    + "issuer's kid, get 401: the algorithm comes from an allow-list, not from the token.",
            List.of("RS-43"), "RFC8725-2.1", "RFC8725-3.1");
    static final CheckSpec HS_JWK = CheckSpec.of("bad-signature-hs256-public-key-jwk", Level.MUST,
            "HS256 keyed with the public key (JWK) gets 401",
            "As above, with the public key's JWK JSON as the HMAC secret.",
            List.of("RS-43"), "RFC8725-2.1", "RFC8725-3.1");
    static final CheckSpec OTHER_ALG = CheckSpec.of("bad-signature-other-rsa-alg", Level.MUST,
            "Another RSA algorithm on the RS256 key gets 401",
            "Tokens signed by the issuer's RS256 key but with alg RS384 and PS256 both get 401: a key serves one "
                    + "algorithm.",
            List.of("RS-44"), "RFC8725-3.1");
    static final CheckSpec EMBEDDED = CheckSpec.of("bad-signature-embedded-jwk", Level.MUST,
            "A key embedded in the token is not trusted",
            "Good claims signed by an attacker key that the header carries as jwk get 401.",
            List.of("RS-45"), "RFC9068-4", "RFC8725-3.10");
    static final CheckSpec JKU = CheckSpec.of("bad-signature-jku", Level.MUST,
            "A key URL named by the token is not used",
            "Good claims signed by an attacker key published at the header's jku URL get 401, and the server never "
                    + "fetches that URL.",
            List.of("RS-45"), "RFC9068-4", "RFC8725-3.10");
    static final CheckSpec KID = CheckSpec.of("bad-signature-unknown-kid", Level.MUST,
            "Unknown or hostile kid values get 401",
            "Tokens signed by the issuer's key under kid zzz, ../../etc/passwd and ' OR 1=1-- each get 401, "
                    + "never a server error.",
            List.of("RS-46"), "RFC9068-4", "RFC8725-3.10");

    @Override
    public String id() {
        return "bad-signature";
    }

    @Override
    public String title() {
        return "Bad signature: damaged signatures, algorithm confusion and untrusted keys";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(FLIPPED, ERROR, HS_PEM, HS_JWK, OTHER_ALG, EMBEDDED, JKU, KID);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Optional<Response> flipped = Verdicts.rejectMutation(ctx, rec, FLIPPED, TokenMutation.FLIPPED_SIGNATURE,
                Verdicts.ONLY_401);
        Verdicts.errorCode(rec, ERROR, flipped, "invalid_token");
        Verdicts.rejectMutation(ctx, rec, HS_PEM, TokenMutation.HS256_PUBLIC_KEY_PEM, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, HS_JWK, TokenMutation.HS256_PUBLIC_KEY_JWK, Verdicts.ONLY_401);
        allRejected(ctx, rec, OTHER_ALG, List.of(TokenMutation.RS384_SAME_KEY, TokenMutation.PS256_SAME_KEY));
        Verdicts.rejectMutation(ctx, rec, EMBEDDED, TokenMutation.EMBEDDED_JWK, Verdicts.ONLY_401);
        jku(ctx, rec);
        allRejected(ctx, rec, KID, List.of(TokenMutation.UNKNOWN_KID, TokenMutation.KID_PATH_TRAVERSAL,
                TokenMutation.KID_SQL_INJECTION));
    }

    private static void allRejected(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, List<TokenMutation> variants) {
        List<Response> responses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (TokenMutation m : variants) {
            Minted t = ctx.mutated(m);
            if (!t.available()) {
                rec.untestable(spec, t.unavailable(), responses);
                return;
            }
            Response r = ctx.target().probeWithBearer(t.get());
            responses.add(r);
            if (r.status() != 401) {
                wrong.add(m.description() + " → " + Verdicts.describe(r));
            }
        }
        rec.verdict(spec, wrong.isEmpty(), "expected 401 for each; " + String.join("; ", wrong),
                details("variants", variants.stream().map(TokenMutation::description).toList()), responses);
    }

    private static void jku(ScenarioContext ctx, CheckRecorder rec) {
        Minted t = ctx.mutated(TokenMutation.JKU_ATTACKER);
        if (!t.available()) {
            rec.untestable(JKU, t.unavailable(), List.of());
            return;
        }
        int before = ctx.target().attacker().fetches();
        Response r = ctx.target().probeWithBearer(t.get());
        int fetched = ctx.target().attacker().fetches() - before;
        if (!r.received()) {
            rec.untestable(JKU, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        List<String> problems = new ArrayList<>();
        if (r.status() != 401) {
            problems.add("expected 401; got " + Verdicts.describe(r));
        }
        if (fetched > 0) {
            problems.add("the server fetched the attacker's jku URL " + ctx.target().attacker().jwksUrl() + " (" + fetched
                    + " request(s))");
        }
        rec.verdict(JKU, problems.isEmpty(), String.join("; ", problems),
                details("jku", ctx.target().attacker().jwksUrl().toString(), "attackerFetches", fetched), List.of(r));
    }
}
