package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.PublishedKey;
import dev.mcpauth.conformance.token.TokenSource;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the suite learns about the target once and shares between scenarios: the no-token
 * challenge, the PRM, the baseline scope and token, whether a good token is accepted, which tool
 * needs more scope, and the AS's published key. Each fact is computed on first use.
 */
public final class TargetFacts {
    private final Target target;
    private final TokenSource tokens;
    private final Memo<Response> noTokenProbe;
    private final Memo<Prm> prm;
    private final Memo<String> baselineScope;
    private final Memo<Minted> baselineToken;
    private final Memo<Acceptance> acceptance;
    private final Memo<Privileged> privileged;
    private final Memo<PublishedKey> publishedKey;
    private final Optional<Acceptance> refusedRfc9068;

    public TargetFacts(Target target, TokenSource tokens) {
        this.target = Objects.requireNonNull(target, "target");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.noTokenProbe = new Memo<>(() -> target.mcp().send(target.mcp().probeRequest()));
        this.prm = new Memo<>(this::findPrm);
        this.baselineScope = new Memo<>(this::findBaselineScope);
        this.baselineToken = new Memo<>(() -> tokens.baseline(baselineScope()));
        this.acceptance = new Memo<>(this::presentBaselineToken);
        this.privileged = new Memo<>(() -> PrivilegedDiscovery.discover(target, tokens, baselineScope()));
        this.publishedKey = new Memo<>(() -> PublishedKeyLookup.find(target, prm()));
        this.refusedRfc9068 = Optional.empty();
    }

    /** The token-independent facts of {@code learned}; the token facts learned afresh from {@code tokens}. */
    private TargetFacts(TargetFacts learned, TokenSource tokens, Acceptance refusedRfc9068) {
        this.target = learned.target;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.noTokenProbe = learned.noTokenProbe;
        this.prm = learned.prm;
        this.baselineScope = learned.baselineScope;
        this.publishedKey = learned.publishedKey;
        this.baselineToken = new Memo<>(() -> tokens.baseline(baselineScope()));
        this.acceptance = new Memo<>(this::presentBaselineToken);
        this.privileged = new Memo<>(() -> PrivilegedDiscovery.discover(target, tokens, baselineScope()));
        this.refusedRfc9068 = Optional.of(refusedRfc9068);
    }

    /**
     * These facts for a run that goes on with {@code tokens} because the target refused the RFC 9068
     * form of the good token ({@code refused}); what does not depend on tokens is not asked again.
     */
    TargetFacts withTokensAfterTypRefusal(TokenSource newTokens, Acceptance refused) {
        return new TargetFacts(this, newTokens, refused);
    }

    /** When the run moved off {@code typ: at+jwt}: how the target refused the RFC 9068 token. */
    public Optional<Acceptance> refusedRfc9068() {
        return refusedRfc9068;
    }

    /** POST initialize without credentials (several scenarios read the same challenge). */
    public Response noTokenProbe() {
        return noTokenProbe.get();
    }

    /** The first Bearer challenge of the no-token probe, if it parsed. */
    public Optional<Challenge> noTokenChallenge() {
        return noTokenProbe().challenges().bearer();
    }

    public Prm prm() {
        return prm.get();
    }

    /** Baseline scope: option, else the 401 challenge {@code scope}, else the first of PRM {@code scopes_supported}. */
    public String baselineScope() {
        return baselineScope.get();
    }

    /** A good token with the baseline scope: minted by the issuer, or the operator's token. */
    public Minted baselineToken() {
        return baselineToken.get();
    }

    public Acceptance acceptance() {
        return acceptance.get();
    }

    /**
     * Empty when the target accepts a good token; otherwise why checks that need one (every
     * "this bad token is rejected" check) cannot be trusted: a server that rejects everything
     * would pass them all.
     */
    public Optional<String> tokenGate() {
        return acceptance().problem().map(p -> "prerequisite failed: " + p
                + " (a rejection proves nothing while good tokens are rejected too)");
    }

    public Privileged privileged() {
        return privileged.get();
    }

    /** The AS's published signing key, fetched black-box once (operator mode's HS256 confusion checks). */
    public PublishedKey publishedKey() {
        return publishedKey.get();
    }

    private record Where(URI url, String how) {
    }

    /** The PRM: where the 401's resource_metadata points, else the path-inserted, else the root URL. */
    private Prm findPrm() {
        List<Response> fetches = new ArrayList<>();
        List<Where> order = new ArrayList<>();
        noTokenChallenge().flatMap(c -> c.value("resource_metadata")).flatMap(Target::absolute)
                .ifPresent(u -> order.add(new Where(u, "resource_metadata")));
        order.add(new Where(Discovery.pathInsertedPrm(target.url()), "path-inserted"));
        order.add(new Where(Discovery.rootPrm(target.url()), "root"));
        List<URI> tried = new ArrayList<>();
        for (Where w : order) {
            if (tried.contains(w.url())) {
                continue;
            }
            tried.add(w.url());
            Response r = target.send(Request.get(w.url()).header("Accept", "application/json"));
            fetches.add(r);
            Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
            if (doc.isPresent()) {
                return new Prm(Optional.of(w.url()), doc, w.how(), fetches);
            }
        }
        return new Prm(Optional.empty(), Optional.empty(), "none", fetches);
    }

    private String findBaselineScope() {
        if (target.options().baselineScope().isPresent()) {
            return target.options().baselineScope().get();
        }
        Optional<String> fromChallenge = noTokenChallenge().flatMap(c -> c.value("scope")).filter(s -> !s.isBlank());
        if (fromChallenge.isPresent()) {
            return fromChallenge.get().trim();
        }
        return prm().document().flatMap(d -> JsonValues.strings(d, "scopes_supported"))
                .filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse("");
    }

    /** Presents the baseline token and says whether, and if not why, it was refused. */
    private Acceptance presentBaselineToken() {
        Minted token = baselineToken();
        if (!token.available()) {
            return new Acceptance(token, Optional.empty(), Optional.of(token.unavailable()), false);
        }
        McpSession session = target.mcp().open("Bearer " + token.get());
        if (session.established()) {
            return new Acceptance(token, Optional.of(session), Optional.empty(), false);
        }
        String seen = "initialize with a good token answered " + session.initialize().summary();
        String issuer = tokens.issuer().map(URI::toString).orElse("?");
        return switch (tokens.mode()) {
            case ISSUER -> refused(token, session, seen + "; the target should trust the issuer " + issuer, true);
            case IN_PROCESS_ISSUER -> issuerListed() ? refused(token, session, seen, true)
                    : refused(token, session, seen + "; the suite started its own issuer (" + issuer + "), which the "
                    + "target does not list in authorization_servers: start the target trusting a standalone suite "
                    + "issuer and pass --issuer", false);
            case OPERATOR -> refused(token, session, seen
                    + "; check that the operator token is valid for this target and not expired", false);
            case NONE -> refused(token, session, seen, false);
        };
    }

    private static Acceptance refused(Minted token, McpSession session, String why, boolean atFault) {
        return new Acceptance(token, Optional.of(session), Optional.of(why), atFault);
    }

    private boolean issuerListed() {
        Optional<List<String>> listed = prm().document().flatMap(d -> JsonValues.strings(d, "authorization_servers"));
        return tokens.issuer().isPresent() && listed.isPresent() && listed.get().stream()
                .anyMatch(s -> stripSlash(s).equals(stripSlash(tokens.issuer().get().toString())));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
