package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.PublishedKey;
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

/** Finds the authorization server's metadata and its published signing key, black-box, from the PRM. */
final class PublishedKeyLookup {
    private PublishedKeyLookup() {
    }

    /** AS metadata found at one of {@link Discovery#authorizationServerMetadata} candidates. */
    record AsMetadata(Discovery.Candidate at, JsonObject document) {
    }

    /**
     * The first candidate location for this issuer's metadata (RFC 8414 path-inserted, then, when
     * {@code oidc}, OpenID Connect Discovery) that serves a JSON object. Every request is added to
     * {@code seen}; every miss to {@code tried}, as "url → what came back".
     */
    static Optional<AsMetadata> asMetadata(Target target, URI issuer, boolean oidc, List<Response> seen,
                                           List<String> tried) {
        for (Discovery.Candidate c : Discovery.authorizationServerMetadata(issuer)) {
            if (c.oidc() && !oidc) {
                continue;
            }
            Response r = target.send(Request.get(c.url()).header("Accept", "application/json"));
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
    static PublishedKey find(Target target, Prm prm) {
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
        Optional<URI> issuer = Target.absolute(entry.get());
        if (issuer.isEmpty()) {
            return noKey(trail, "authorization_servers[0] \"" + entry.get() + "\" is not an absolute URL");
        }
        List<String> tried = new ArrayList<>();
        Optional<AsMetadata> metadata = asMetadata(target, issuer.get(), true, trail, tried);
        if (metadata.isEmpty()) {
            return noKey(trail, "no authorization server metadata for " + entry.get() + ": " + String.join("; ", tried));
        }
        String at = metadata.get().at().url().toString();
        Optional<URI> jwksUri = JsonValues.string(metadata.get().document(), "jwks_uri")
                .flatMap(Target::absolute);
        if (jwksUri.isEmpty()) {
            return noKey(trail, "the authorization server metadata at " + at + " has no absolute jwks_uri");
        }
        Response jwks = target.send(Request.get(jwksUri.get()).header("Accept", "application/json"));
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
        return new PublishedKey(key, Optional.of(iss), Optional.of(jwksUri.get()), trail,
                Optional.empty());
    }

    private static PublishedKey noKey(List<Response> trail, String why) {
        return PublishedKey.missing(trail, why);
    }
}
