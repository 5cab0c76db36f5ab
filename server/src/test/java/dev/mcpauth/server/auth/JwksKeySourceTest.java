package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.server.support.MutableClock;
import dev.mcpauth.server.support.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refresh-on-miss, its rate limit, TTL refresh and outage tolerance (RS-46, RS-61). */
class JwksKeySourceTest {

    private final TestIssuer issuer = TestIssuer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final JwksKeySource keys = new JwksKeySource(JwksLocation.fixed(URI.create(issuer.jwksUri())),
            new JwksDocumentReader(new HttpJson(HttpClient.newHttpClient())), clock, Duration.ofSeconds(10),
            Duration.ofMinutes(5));

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void warmUpWhenSetHasEncryptionAndUnknownKeysThenOnlySignatureKeysAreKept() {
        keys.warmUp();
        assertThat(keys.keyIds(), contains("k1", "e1"));
        assertThat(keys.hasKeys(), is(true));
    }

    @Test
    void getWhenUnknownKidThenOneRefetchPerIntervalFindsTheRotatedKey() throws Exception {
        keys.warmUp();
        RSAKey rotated = TestIssuer.rsaKey("k2");
        issuer.publish(rotated);
        assertThat(select("k2"), hasSize(1));
        assertThat(issuer.jwksFetches(), is(2));
        assertThat(select("zzz"), is(empty()));
        assertThat("rate-limited: no fetch for the second unknown kid", issuer.jwksFetches(), is(2));
        clock.advance(Duration.ofSeconds(10));
        assertThat(select("zzz"), is(empty()));
        assertThat(issuer.jwksFetches(), is(3));
    }

    @Test
    void getWhenKeysOlderThanTtlAndJwksDownThenCachedKeysStillServe() throws Exception {
        keys.warmUp();
        issuer.jwksDown(true);
        clock.advance(Duration.ofMinutes(6));
        assertThat(select("k1"), hasSize(1));
        assertThat("a refresh was attempted", issuer.jwksFetches(), is(2));
    }

    /** Found by ci/soak.sh: a garbage JWKS answer ({"keys":[]}) replaced the cached keys, refusing every good token. */
    @Test
    void getWhenKeysOlderThanTtlAndJwksAnswersNoUsableKeyThenCachedKeysStillServe() throws Exception {
        keys.warmUp();
        issuer.publish();
        clock.advance(Duration.ofMinutes(6));
        assertThat(select("k1"), hasSize(1));
        assertThat("a refresh was attempted", issuer.jwksFetches(), is(2));
        assertThat(keys.keyIds(), contains("k1", "e1"));
    }

    @Test
    void getWhenNothingCachedAndJwksDownThenFailsClosed() {
        issuer.jwksDown(true);
        assertThrows(KeySourceException.class, () -> select("k1"));
        assertThat(keys.hasKeys(), is(false));
    }

    private List<JWK> select(String kid) throws KeySourceException {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
    }

    @Test
    void generationOfWhenKeyStaysThenSameWhenRemovedThenEmptyAndKidlessFollowsTheSet() throws Exception {
        keys.warmUp();
        Optional<Long> k1 = keys.generationOf(Optional.of("k1"));
        Optional<Long> wholeSet = keys.generationOf(Optional.empty());
        assertThat(k1.isPresent(), is(true));

        issuer.publish(issuer.rsaKey(), issuer.ecKey());
        keys.refresh(JwksKeySource.Trigger.STARTUP);
        assertThat("same set: nothing changes", keys.generationOf(Optional.empty()), is(wholeSet));

        issuer.publish(issuer.rsaKey(), TestIssuer.rsaKey("k2"));
        keys.refresh(JwksKeySource.Trigger.STARTUP);
        assertThat("k1 stayed", keys.generationOf(Optional.of("k1")), is(k1));
        assertThat("e1 left", keys.generationOf(Optional.of("e1")), is(Optional.empty()));
        assertThat("another set", keys.generationOf(Optional.empty()).equals(wholeSet), is(false));

        issuer.publish(TestIssuer.rsaKey("k1"));
        keys.refresh(JwksKeySource.Trigger.STARTUP);
        assertThat("k1 replaced by another key", keys.generationOf(Optional.of("k1")).equals(k1), is(false));
    }

    @Test
    void refreshIfStaleFetchesOnlyAfterTheTtl() {
        keys.warmUp();
        keys.refreshIfStale();
        assertThat(issuer.jwksFetches(), is(1));
        clock.advance(Duration.ofMinutes(6));
        keys.refreshIfStale();
        assertThat(issuer.jwksFetches(), is(2));
    }
}
