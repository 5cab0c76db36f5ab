package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens: what it serves, for how long, and what drops an entry. */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final FakeKeys keys = new FakeKeys();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(clock, TTL, 3, keys);

    @Test
    void findWhenSameTokenThenTheVerifiedToken() {
        AccessToken verified = token("k1", START.plusSeconds(300));
        cache.remember("token-a", verified, keys.generationOf(Optional.of("k1")));

        assertThat(cache.find("token-a"), is(Optional.of(verified)));
    }

    @Test
    void findWhenDifferentTokenThenNothing() {
        cache.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        assertThat(cache.find("token-b"), is(Optional.empty()));
        assertThat(cache.find("token-a "), is(Optional.empty()));
    }

    @Test
    void findWhenTtlPassedThenNothing() {
        cache.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.find("token-a").isPresent(), is(true));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find("token-a"), is(Optional.empty()));
        assertThat(cache.size(), is(0));
    }

    @Test
    void findWhenTokenExpiredBeforeTtlThenNothing() {
        cache.remember("token-a", token("k1", START.plusSeconds(10)), keys.generationOf(Optional.of("k1")));

        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.find("token-a").isPresent(), is(true));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find("token-a"), is(Optional.empty()));
    }

    @Test
    void findWhenSigningKeyLeftTheJwksThenNothing() {
        cache.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));
        cache.remember("token-b", token("k2", START.plusSeconds(300)), keys.generationOf(Optional.of("k2")));

        keys.remove("k1");

        assertThat(cache.find("token-a"), is(Optional.empty()));
        assertThat("another key's token stays", cache.find("token-b").isPresent(), is(true));
    }

    @Test
    void findWhenSigningKeyReplacedUnderTheSameKidThenNothing() {
        cache.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        keys.replace("k1");

        assertThat(cache.find("token-a"), is(Optional.empty()));
    }

    @Test
    void findAsksTheKeysToRefreshWhenStaleOnEveryHit() {
        cache.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        cache.find("token-a");
        cache.find("token-a");

        assertThat(keys.refreshChecks, is(2));
    }

    @Test
    void rememberWhenKeyWasUnknownBeforeVerificationThenNothingIsKept() {
        cache.remember("token-a", token("k9", START.plusSeconds(300)), keys.generationOf(Optional.of("k9")));

        assertThat(cache.size(), is(0));
    }

    @Test
    void rememberWhenFullThenTheSoonestToExpireGoesAndTheSizeStaysBounded() {
        for (int i = 0; i < 3; i++) {
            cache.remember("token-" + i, token("k1", START.plusSeconds(20 + i)), keys.generationOf(Optional.of("k1")));
        }
        cache.remember("token-new", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        assertThat(cache.size(), lessThanOrEqualTo(3));
        assertThat(cache.find("token-0"), is(Optional.empty()));
        assertThat(cache.find("token-1").isPresent(), is(true));
        assertThat(cache.find("token-new").isPresent(), is(true));
    }

    @Test
    void zeroTtlKeepsNothing() {
        VerifiedTokenCache off = new VerifiedTokenCache(clock, Duration.ZERO, 3, keys);
        off.remember("token-a", token("k1", START.plusSeconds(300)), keys.generationOf(Optional.of("k1")));

        assertThat(off.find("token-a"), is(Optional.empty()));
    }

    private static AccessToken token(String kid, Instant expiresAt) {
        return new AccessToken("https://as.test", "alice", Optional.of("c1"), Set.of("mcp:read"), expiresAt,
                               Optional.of(kid), "fingerprint");
    }

    /** Keys k1 and k2, generation 1; removing or replacing one changes what it answers. */
    private static final class FakeKeys implements VerifiedTokenCache.TrustedKeys {
        private final Map<String, Long> generations = new HashMap<>(Map.of("k1", 1L, "k2", 1L));
        private long generation = 1;
        private int refreshChecks;

        void remove(String kid) {
            generations.remove(kid);
            generation++;
        }

        void replace(String kid) {
            generation++;
            generations.put(kid, generation);
        }

        @Override
        public Optional<Long> generationOf(Optional<String> keyId) {
            return keyId.isEmpty() ? Optional.of(generation) : Optional.ofNullable(generations.get(keyId.get()));
        }

        @Override
        public void refreshIfStale() {
            refreshChecks++;
        }
    }
}
