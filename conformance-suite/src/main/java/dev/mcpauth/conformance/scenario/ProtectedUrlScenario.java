package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.ProtectedUrl;
import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;
import dev.mcpauth.conformance.token.TokenSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * The bearer edge of one non-MCP URL ({@code --also-protect}): no token, its challenge and PRM, a good
 * token for the PRM's resource as positive control, then tokens that must be refused. The scenario id
 * and every check id end in the URL's slug, so each URL is its own section of every report.
 */
public final class ProtectedUrlScenario implements Scenario {
    private final ProtectedUrl url;
    private final String slug;
    private final ProtectedUrlChecks c;

    /** @param slug the URL's tag in ids, unique in the run (see {@link ProtectedUrl#slug()}) */
    public ProtectedUrlScenario(ProtectedUrl url, String slug) {
        this.url = url;
        this.slug = slug;
        this.c = new ProtectedUrlChecks(slug);
    }

    /** One scenario per URL, in order; a slug already taken gets {@code -2}, {@code -3}, ... */
    public static List<ProtectedUrlScenario> forUrls(List<ProtectedUrl> urls) {
        Map<String, Integer> seen = new HashMap<>();
        return urls.stream().map(u -> {
            int n = seen.merge(u.slug(), 1, Integer::sum);
            return new ProtectedUrlScenario(u, n == 1 ? u.slug() : u.slug() + "-" + n);
        }).toList();
    }

    @Override
    public String id() {
        return ProtectedUrlChecks.PREFIX + "-" + slug;
    }

    @Override
    public String title() {
        return "Bearer edge of " + url.label() + " (--also-protect)";
    }

    @Override
    public List<CheckSpec> checks() {
        return c.all();
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        Target target = ctx.target();
        Response none = send(target, Optional.empty());
        if (!none.received()) {
            rec.untestableRest("no response from " + url.label() + ": " + none.transportError().orElse("?"));
            return;
        }
        rec.verdict(c.noToken, none.status() == 401, "expected 401; got " + Verdicts.describe(none),
                details("url", url.label()), List.of(none));
        Verdicts.bearerChallenge(rec, c.challenge, none);
        ProtectedUrlPrm prm = ProtectedUrlPrm.find(target, url.url(), none);
        prm.judgeFound(rec, c, url.url());
        prm.judgeWellKnown(rec, c, target);
        String audience = prm.resource().orElse(url.url().toString());
        Optional<TokenSource> tokens = ctx.tokens().withAudience(audience);
        if (tokens.isEmpty()) {
            rec.untestableRest("the run's tokens (" + ctx.tokens().mode() + ") cannot be minted for " + audience);
            return;
        }
        String scope = none.challenges().bearer().flatMap(ch -> ch.value("scope"))
                .or(() -> prm.document().flatMap(d -> JsonValues.strings(d, "scopes_supported"))
                        .filter(l -> !l.isEmpty()).map(l -> l.get(0)))
                .orElse("");
        if (!goodTokenAccepted(target, rec, tokens.get().baseline(scope), audience)) {
            return;
        }
        refusals(ctx, rec, tokens.get(), scope, audience);
    }

    private boolean goodTokenAccepted(Target target, CheckRecorder rec, Minted good, String audience) {
        if (!good.available()) {
            rec.untestableRest(good.unavailable());
            return false;
        }
        Response ok = send(target, Optional.of("Bearer " + good.get()));
        rec.verdict(c.goodToken, ok.is2xx(), "a good token for " + audience + " got " + Verdicts.describe(ok),
                details("aud", audience), List.of(ok));
        if (!ok.is2xx()) {
            rec.untestableRest("prerequisite failed: a good token for " + audience + " was refused (" + ok.summary()
                    + "); a rejection proves nothing while good tokens are rejected too");
        }
        return ok.is2xx();
    }

    private void refusals(ScenarioContext ctx, CheckRecorder rec, TokenSource tokens, String scope, String audience) {
        Target target = ctx.target();
        reject(target, rec, c.malformed, tokens.mutated(TokenMutation.TWO_PARTS, scope), Verdicts.MALFORMED,
                TokenMutation.TWO_PARTS.description());
        Optional<Response> expired = reject(target, rec, c.expired, tokens.mutated(TokenMutation.EXPIRED, scope),
                Verdicts.ONLY_401, TokenMutation.EXPIRED.description());
        reject(target, rec, c.wrongAudience, tokens.mutated(TokenMutation.WRONG_AUDIENCE, scope), Verdicts.ONLY_401,
                TokenMutation.WRONG_AUDIENCE.description());
        boolean sameResource = audience.equals(target.url().toString());
        Minted other = sameResource ? tokens.mutated(TokenMutation.OTHER_API_AUDIENCE, scope)
                : ctx.tokens().baseline(scope);
        reject(target, rec, c.otherResource, other, Verdicts.ONLY_401, sameResource
                ? TokenMutation.OTHER_API_AUDIENCE.description() : "aud " + target.url() + " (the --target resource)");
        reject(target, rec, c.wrongIssuer, tokens.mutated(TokenMutation.WRONG_ISSUER, scope), Verdicts.ONLY_401,
                TokenMutation.WRONG_ISSUER.description());
        reject(target, rec, c.badSignature, tokens.mutated(TokenMutation.FLIPPED_SIGNATURE, scope),
                Verdicts.ONLY_401, TokenMutation.FLIPPED_SIGNATURE.description());
        reject(target, rec, c.algNone, tokens.mutated(TokenMutation.ALG_NONE, scope), Verdicts.ONLY_401,
                TokenMutation.ALG_NONE.description());
        Optional<Response> rejection = expired.filter(r -> r.status() == 401);
        if (rejection.isEmpty()) {
            List<Response> seen = expired.map(List::of).orElse(List.of());
            rec.untestable(c.invalidChallenge, "no 401 for the expired token to inspect", seen);
            rec.untestable(c.invalidError, "no 401 for the expired token to inspect", seen);
            return;
        }
        Verdicts.bearerChallenge(rec, c.invalidChallenge, rejection.get());
        Verdicts.errorCode(rec, c.invalidError, rejection, "invalid_token");
    }

    private Optional<Response> reject(Target target, CheckRecorder rec, CheckSpec spec, Minted token,
                                      Set<Integer> allowed, String what) {
        if (!token.available()) {
            rec.untestable(spec, token.unavailable(), List.of());
            return Optional.empty();
        }
        Response r = send(target, Optional.of("Bearer " + token.get()));
        Verdicts.rejected(rec, spec, r, allowed, "a token with " + what);
        return Optional.of(r);
    }

    /** The URL's request with this Authorization line, if any; a body-carrying method sends {@code {}}. */
    private Response send(Target target, Optional<String> authorization) {
        boolean body = Set.of("POST", "PUT", "PATCH").contains(url.method());
        Request plain = new Request(url.method(), url.url(), List.of(), body ? "{}" : "")
                .header("Accept", "application/json");
        Request r = body ? plain.header("Content-Type", "application/json") : plain;
        return target.send(authorization.map(a -> r.header("Authorization", a)).orElse(r));
    }
}
