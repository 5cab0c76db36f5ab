package dev.mcpauth.server.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * One key set {@link JwksKeySource} loaded. {@code generation} counts the different key sets
 * loaded so far; {@code keySince} gives each {@code kid} the generation in which its current key
 * appeared, so a key that stays keeps its number and a removed or replaced one loses it
 * ({@link VerifiedTokenCache} drops the tokens it verified).
 */
record SigningKeySet(JWKSet keys, Instant fetchedAt, long generation, Map<String, Long> keySince) {

    static SigningKeySet after(Optional<SigningKeySet> previous, JWKSet keys, Instant now) {
        boolean same = previous.map(p -> p.keys().getKeys().equals(keys.getKeys())).orElse(false);
        long generation = previous.map(p -> same ? p.generation() : p.generation() + 1).orElse(1L);
        Map<String, Long> since = new HashMap<>();
        for (JWK key : keys.getKeys()) {
            Optional.ofNullable(key.getKeyID()).ifPresent(kid -> since.put(kid, previous
                    .filter(p -> key.equals(p.keys().getKeyByKeyId(kid)))
                    .map(p -> p.keySince().get(kid))
                    .orElse(generation)));
        }
        return new SigningKeySet(keys, now, generation, Map.copyOf(since));
    }
}
