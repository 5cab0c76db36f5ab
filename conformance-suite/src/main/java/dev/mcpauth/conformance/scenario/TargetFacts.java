package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the facts {@link ScenarioContext} shares are learned from the target, once each. */
final class TargetFacts {
    private TargetFacts() {
    }

    private record Where(URI url, String how) {
    }

    /** The PRM: where the 401's resource_metadata points, else the path-inserted, else the root URL. */
    static Prm findPrm(ScenarioContext ctx) {
        List<Response> fetches = new ArrayList<>();
        List<Where> order = new ArrayList<>();
        ctx.noTokenChallenge().flatMap(c -> c.value("resource_metadata")).flatMap(ScenarioContext::absolute)
                .ifPresent(u -> order.add(new Where(u, "resource_metadata")));
        order.add(new Where(Discovery.pathInsertedPrm(ctx.target()), "path-inserted"));
        order.add(new Where(Discovery.rootPrm(ctx.target()), "root"));
        List<URI> tried = new ArrayList<>();
        for (Where w : order) {
            if (tried.contains(w.url())) {
                continue;
            }
            tried.add(w.url());
            Response r = ctx.send(Request.get(w.url()).header("Accept", "application/json"));
            fetches.add(r);
            Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
            if (doc.isPresent()) {
                return new Prm(Optional.of(w.url()), doc, w.how(), fetches);
            }
        }
        return new Prm(Optional.empty(), Optional.empty(), "none", fetches);
    }

    /** AS metadata found at one of {@link Discovery#authorizationServerMetadata} candidates. */
    record AsMetadata(Discovery.Candidate at, JsonObject document) {
    }

    /**
     * The first candidate location for this issuer's metadata (RFC 8414 path-inserted, then, when
     * {@code oidc}, OpenID Connect Discovery) that serves a JSON object. Every request is added to
     * {@code seen}; every miss to {@code tried}, as "url → what came back".
     */
    static Optional<AsMetadata> asMetadata(ScenarioContext ctx, URI issuer, boolean oidc, List<Response> seen,
                                           List<String> tried) {
        for (Discovery.Candidate c : Discovery.authorizationServerMetadata(issuer)) {
            if (c.oidc() && !oidc) {
                continue;
            }
            Response r = ctx.send(Request.get(c.url()).header("Accept", "application/json"));
            seen.add(r);
            Optional<JsonObject> m = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
            if (m.isPresent()) {
                return Optional.of(new AsMetadata(c, m.get()));
            }
            tried.add(c.url() + " → " + r.summary());
        }
        return Optional.empty();
    }

    /**
     * The authorization server's published signing key, found black-box: PRM →
     * {@code authorization_servers[0]} → AS metadata → {@code jwks_uri} → the first RSA or EC
     * public key with a {@code kid} (and no {@code use} other than {@code sig}).
     */
    static ScenarioContext.PublishedKey publishedKey(ScenarioContext ctx) {
        Prm prm = ctx.prm();
        List<Response> trail = new ArrayList<>(prm.fetches());
        if (prm.document().isEmpty()) {
            return noKey(trail, "no Protected Resource Metadata was found");
        }
        Optional<String> entry = JsonValues.strings(prm.document().get(), "authorization_servers")
                .filter(l -> !l.isEmpty()).map(l -> l.get(0));
        if (entry.isEmpty()) {
            return noKey(trail, "the PRM at " + prm.location().map(URI::toString).orElse("?")
                    + " lists no authorization_servers");
        }
        Optional<URI> issuer = ScenarioContext.absolute(entry.get());
        if (issuer.isEmpty()) {
            return noKey(trail, "authorization_servers[0] \"" + entry.get() + "\" is not an absolute URL");
        }
        List<String> tried = new ArrayList<>();
        Optional<AsMetadata> metadata = asMetadata(ctx, issuer.get(), true, trail, tried);
        if (metadata.isEmpty()) {
            return noKey(trail, "no authorization server metadata for " + entry.get() + ": " + String.join("; ", tried));
        }
        String at = metadata.get().at().url().toString();
        Optional<URI> jwksUri = JsonValues.string(metadata.get().document(), "jwks_uri")
                .flatMap(ScenarioContext::absolute);
        if (jwksUri.isEmpty()) {
            return noKey(trail, "the authorization server metadata at " + at + " has no absolute jwks_uri");
        }
        Response jwks = ctx.send(Request.get(jwksUri.get()).header("Accept", "application/json"));
        trail.add(jwks);
        if (jwks.status() != 200) {
            return noKey(trail, "the jwks_uri " + jwksUri.get() + " answered " + jwks.summary());
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks.body());
        } catch (java.text.ParseException e) {
            return noKey(trail, "the jwks_uri " + jwksUri.get() + " is not a JWK Set: " + e.getMessage());
        }
        Optional<JWK> key = set.getKeys().stream()
                .filter(k -> k instanceof RSAKey || k instanceof ECKey)
                .filter(k -> k.getKeyID() != null && !k.getKeyID().isEmpty())
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .map(JWK::toPublicJWK)
                .findFirst();
        if (key.isEmpty()) {
            return noKey(trail, "the JWK Set at " + jwksUri.get() + " has no RSA or EC signing key with a kid");
        }
        String iss = JsonValues.string(metadata.get().document(), "issuer").orElse(entry.get());
        return new ScenarioContext.PublishedKey(key, Optional.of(iss), Optional.of(jwksUri.get()), trail,
                Optional.empty());
    }

    private static ScenarioContext.PublishedKey noKey(List<Response> trail, String why) {
        return new ScenarioContext.PublishedKey(Optional.empty(), Optional.empty(), Optional.empty(), trail,
                Optional.of(why));
    }

    /** Baseline scope: option, else the 401 challenge {@code scope}, else the first of PRM {@code scopes_supported}. */
    static String baselineScope(ScenarioContext ctx) {
        if (ctx.options().baselineScope().isPresent()) {
            return ctx.options().baselineScope().get();
        }
        Optional<String> fromChallenge = ctx.noTokenChallenge().flatMap(c -> c.value("scope"))
                .filter(s -> !s.isBlank());
        if (fromChallenge.isPresent()) {
            return fromChallenge.get().trim();
        }
        return ctx.prm().document().flatMap(d -> JsonValues.strings(d, "scopes_supported"))
                .filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse("");
    }

    /** Presents the baseline token and says whether, and if not why, it was refused. */
    static ScenarioContext.Acceptance acceptance(ScenarioContext ctx) {
        Minted token = ctx.baselineToken();
        if (!token.available()) {
            return new ScenarioContext.Acceptance(token, Optional.empty(), Optional.of(token.unavailable()), false);
        }
        McpSession session = ctx.mcp().open("Bearer " + token.get());
        if (session.established()) {
            return new ScenarioContext.Acceptance(token, Optional.of(session), Optional.empty(), false);
        }
        String seen = "initialize with a good token answered " + session.initialize().summary();
        String issuer = ctx.issuer().map(URI::toString).orElse("?");
        return switch (ctx.mode()) {
            case ISSUER -> refused(token, session, seen + "; the target should trust the issuer " + issuer, true);
            case IN_PROCESS_ISSUER -> issuerListed(ctx) ? refused(token, session, seen, true)
                    : refused(token, session, seen + "; the suite started its own issuer (" + issuer + "), which the "
                    + "target does not list in authorization_servers: start the target trusting a standalone suite "
                    + "issuer and pass --issuer", false);
            case OPERATOR -> refused(token, session, seen
                    + "; check that the operator token is valid for this target and not expired", false);
            case NONE -> refused(token, session, seen, false);
        };
    }

    private static ScenarioContext.Acceptance refused(Minted token, McpSession session, String why, boolean atFault) {
        return new ScenarioContext.Acceptance(token, Optional.of(session), Optional.of(why), atFault);
    }

    private static boolean issuerListed(ScenarioContext ctx) {
        Optional<List<String>> listed = ctx.prm().document().flatMap(d -> JsonValues.strings(d, "authorization_servers"));
        return ctx.issuer().isPresent() && listed.isPresent() && listed.get().stream()
                .anyMatch(s -> stripSlash(s).equals(stripSlash(ctx.issuer().get().toString())));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
