package dev.mcpauth.conformance.token;

import com.nimbusds.jose.jwk.JWK;
import dev.mcpauth.conformance.http.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A public key the authorization server publishes, found through PRM → AS metadata → JWKS
 * (operator-token mode's HS256 key-confusion checks, RS-43).
 *
 * @param key     an RSA or EC public key with a {@code kid}, when found
 * @param issuer  the AS's issuer (its metadata's {@code issuer}, else the PRM entry), when found
 * @param jwksUri where it was found
 * @param trail   every request made while looking
 * @param problem why none was found
 */
public record PublishedKey(Optional<JWK> key, Optional<String> issuer, Optional<URI> jwksUri, List<Response> trail,
                           Optional<String> problem) {
    public PublishedKey {
        trail = List.copyOf(trail);
    }

    public static PublishedKey missing(List<Response> trail, String why) {
        return new PublishedKey(Optional.empty(), Optional.empty(), Optional.empty(), trail, Optional.of(why));
    }
}
