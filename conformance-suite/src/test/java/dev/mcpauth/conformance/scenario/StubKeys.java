package dev.mcpauth.conformance.scenario;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stub's view of the issuer's JWKS, as a correct resource server keeps it: fetched at start,
 * cached, refetched on an unknown {@code kid} at most once per {@link #MIN_INTERVAL}, kept when a
 * refetch fails. Each key-lifecycle {@link StubDefect} breaks one of those habits
 * ({@link StubDefect#SERVER_ERROR_ON_JWKS_OUTAGE} also drops the rate limit, so its crash is
 * certain to happen).
 */
final class StubKeys {
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /** A key lookup: the key, or whether the JWKS could not be read when it was needed. */
    record Lookup(Optional<JWK> key, boolean jwksDown) {
    }

    private final URI jwksUrl;
    private final Set<StubDefect> defects;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile JWKSet cached = new JWKSet();
    private volatile long lastFetch;

    StubKeys(URI jwksUrl, Set<StubDefect> defects) {
        this.jwksUrl = jwksUrl;
        this.defects = defects;
        fetch();
    }

    Lookup lookup(String kid) {
        if (defects.contains(StubDefect.NO_KEY_CACHE) || defects.contains(StubDefect.FAIL_OPEN_ON_JWKS_OUTAGE)) {
            // re-reads the JWKS on every request, as if its cache had always just expired
            return fetch() ? found(kid) : new Lookup(Optional.empty(), true);
        }
        Lookup first = found(kid);
        boolean limited = !defects.contains(StubDefect.SERVER_ERROR_ON_JWKS_OUTAGE)
                && System.nanoTime() - lastFetch < MIN_INTERVAL.toNanos();
        if (first.key().isPresent() || defects.contains(StubDefect.STATIC_KEYS) || limited) {
            return first;
        }
        return fetch() ? found(kid) : new Lookup(Optional.empty(), true);
    }

    private Lookup found(String kid) {
        return new Lookup(Optional.ofNullable(kid == null ? null : cached.getKeyByKeyId(kid)), false);
    }

    /** Reads the JWKS; true when it could, false (cache kept) when not. */
    private synchronized boolean fetch() {
        lastFetch = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwksUrl).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return false;
            }
            JWKSet set = JWKSet.parse(r.body());
            cached = defects.contains(StubDefect.DROP_OLD_KEYS) && !set.getKeys().isEmpty()
                    ? new JWKSet(List.of(set.getKeys().get(0))) : set;
            return true;
        } catch (IOException | ParseException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
