package dev.mcpauth.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this server has verified recently, so a repeated token costs a hash instead of an RSA
 * operation. Only accepted tokens are kept, keyed by the SHA-256 of the whole token (never the
 * token itself, RS-76). An entry serves until the earlier of the token's {@code exp} and
 * {@code ttl} after it was verified, both by the injected {@link Clock}, and is dropped as soon as
 * the key that verified it is no longer in the JWKS ({@link TrustedKeys}). At most
 * {@code maxEntries} are kept: when full, expired entries go first, then the soonest to expire.
 * A {@code ttl} of zero turns the cache off.
 */
final class VerifiedTokenCache {

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final TrustedKeys keys;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(Clock clock, Duration ttl, int maxEntries, TrustedKeys keys) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.keys = keys;
    }

    /** The verified token, if this exact token was verified and its entry still serves. */
    Optional<AccessToken> find(String token) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String key = sha256(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        keys.refreshIfStale();
        if (!entry.validUntil().isAfter(clock.instant())
                || !keys.generationOf(entry.token().keyId()).equals(Optional.of(entry.keyGeneration()))) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /**
     * Keeps a token that was just verified.
     *
     * @param keyGeneration {@link TrustedKeys#generationOf} for the token's key, read before it was
     *                      verified; empty (the key was not known then) keeps nothing
     */
    void remember(String token, AccessToken verified, Optional<Long> keyGeneration) {
        if (ttl.isZero() || keyGeneration.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(ttl);
        Instant validUntil = verified.expiresAt().isBefore(expiry) ? verified.expiresAt() : expiry;
        if (!validUntil.isAfter(now)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(sha256(token), new Entry(verified, validUntil, keyGeneration.get()));
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !entry.validUntil().isAfter(now));
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().validUntil()))
                    .ifPresent(soonest -> entries.remove(soonest.getKey(), soonest.getValue()));
        }
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Entry(AccessToken token, Instant validUntil, long keyGeneration) {
    }

    /** The signing keys as the cache needs them; {@link JwksKeySource} in the server. */
    interface TrustedKeys {

        /**
         * Which key a token with this {@code kid} is verified with now, as a number that changes
         * when that key is removed or replaced; for a token without {@code kid}, whenever the key
         * set changes. Empty when no key has this {@code kid}.
         */
        Optional<Long> generationOf(Optional<String> keyId);

        /** Refreshes keys past their TTL, as a verification would, without waiting for it. */
        void refreshIfStale();
    }
}
