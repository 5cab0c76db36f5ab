package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The authorization server's signing keys, cached, with the refresh rules Helidon's MP-JWT lacks
 * (RS-46, RS-61):
 * <ul>
 *     <li>an unknown {@code kid} triggers at most one refetch per {@code minRefreshInterval}, so a
 *     key rotation is picked up without a restart and a flood of random {@code kid}s cannot turn
 *     the server into a JWKS hammer (RS-46);</li>
 *     <li>keys older than {@code ttl} are refreshed on use; if that fails the cached keys stay in
 *     service (outage tolerance);</li>
 *     <li>with no keys at all and no way to fetch them, selection fails with a
 *     {@link KeySourceException}: nothing unverified is ever accepted (RS-61).</li>
 * </ul>
 */
public final class JwksKeySource implements JWKSource<SecurityContext>, VerifiedTokenCache.TrustedKeys {

    private static final Logger LOGGER = Logger.getLogger(JwksKeySource.class.getName());

    private final JwksLocation location;
    private final JwksDocumentReader reader;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Duration ttl;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fetchCount = new AtomicLong();
    private volatile Optional<SigningKeySet> loaded = Optional.empty();
    private Instant lastScheduledFetch = Instant.MIN;
    private Instant lastUnknownKidFetch = Instant.MIN;

    JwksKeySource(JwksLocation location, JwksDocumentReader reader, Clock clock, Duration minRefreshInterval,
                  Duration ttl) {
        this.location = location;
        this.reader = reader;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        this.ttl = ttl;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        if (loaded.isEmpty() || isStale()) {
            refresh(Trigger.MISSING_OR_STALE);
        }
        JWKSet keys = loaded.orElseThrow(() -> new KeySourceException("no signing keys available")).keys();
        List<JWK> matches = selector.select(keys);
        if (matches.isEmpty() && refresh(Trigger.UNKNOWN_KID)) {
            matches = selector.select(loaded.get().keys());
        }
        return matches;
    }

    /**
     * Fetches now unless this trigger already fetched within the rate limit. Each trigger has
     * its own budget, so the startup load never uses up the refetch a rotation needs. A refresh
     * of stale but cached keys never makes a request wait for another request's fetch.
     *
     * @return {@code true} if a new key set arrived
     */
    boolean refresh(Trigger trigger) {
        boolean cached = loaded.isPresent();
        if (trigger == Trigger.MISSING_OR_STALE && cached) {
            if (!lock.tryLock()) {
                return false; // someone else is refreshing; the cached keys serve meanwhile
            }
        } else {
            lock.lock();
        }
        try {
            Instant now = clock.instant();
            Instant last = trigger == Trigger.UNKNOWN_KID ? lastUnknownKidFetch : lastScheduledFetch;
            if (trigger != Trigger.STARTUP && last.plus(minRefreshInterval).isAfter(now)) {
                return false;
            }
            if (trigger == Trigger.UNKNOWN_KID) {
                lastUnknownKidFetch = now;
            } else {
                lastScheduledFetch = now;
            }
            fetchCount.incrementAndGet();
            JWKSet keys = reader.read(location.resolve());
            loaded = Optional.of(SigningKeySet.after(loaded, keys, now));
            LOGGER.fine(() -> "loaded signing keys " + keyIds());
            return true;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not fetch signing keys ({0}); {1}",
                       new Object[] {e.getMessage(), loaded.isPresent() ? "keeping cached keys" : "no keys cached"});
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Loads the keys at startup, ignoring the rate limit; failures only log. */
    public void warmUp() {
        refresh(Trigger.STARTUP);
    }

    public boolean hasKeys() {
        return loaded.map(l -> !l.keys().getKeys().isEmpty()).orElse(false);
    }

    /** The {@code kid}s currently trusted, for {@code server_status}. */
    public List<String> keyIds() {
        return loaded.map(l -> l.keys().getKeys().stream().map(k -> Optional.ofNullable(k.getKeyID()).orElse("(no kid)"))
                .toList()).orElse(List.of());
    }

    /** How many times the JWKS was fetched (tests and {@code server_status}). */
    public long fetchCount() {
        return fetchCount.get();
    }

    /** Where the keys come from, once known. */
    public Optional<URI> knownLocation() {
        return location.known();
    }

    @Override
    public Optional<Long> generationOf(Optional<String> keyId) {
        return loaded.flatMap(l -> keyId.isEmpty() ? Optional.of(l.generation()) : Optional.ofNullable(l.keySince().get(keyId.get())));
    }

    /** Starts a refresh of stale keys, as {@link #get} would; never waits for another request's fetch. */
    @Override
    public void refreshIfStale() {
        if (loaded.isPresent() && isStale()) {
            refresh(Trigger.MISSING_OR_STALE);
        }
    }

    private boolean isStale() {
        return loaded.map(l -> !l.fetchedAt().plus(ttl).isAfter(clock.instant())).orElse(true);
    }

    enum Trigger {
        STARTUP,
        MISSING_OR_STALE,
        UNKNOWN_KID
    }
}
