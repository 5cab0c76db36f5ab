package dev.mcpauth.server.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A verified access token, reduced to what the server decides on. It holds no token bytes, so
 * it can be logged or shown safely (RS-76).
 *
 * @param issuer      {@code iss}, equal to the configured issuer
 * @param subject     {@code sub}
 * @param clientId    {@code client_id}, or {@code azp} (Keycloak) when that is absent
 * @param scopes      the granted scopes from {@code scope} (space-separated) or {@code scp}
 * @param expiresAt   {@code exp}
 * @param keyId       the {@code kid} that verified it, if the header had one
 * @param fingerprint see {@link TokenFingerprint}
 */
public record AccessToken(String issuer,
                          String subject,
                          Optional<String> clientId,
                          Set<String> scopes,
                          Instant expiresAt,
                          Optional<String> keyId,
                          String fingerprint) {

    public AccessToken {
        scopes = Set.copyOf(scopes);
    }
}
