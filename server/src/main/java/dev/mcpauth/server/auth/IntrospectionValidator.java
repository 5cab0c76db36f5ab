package dev.mcpauth.server.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Validates opaque (or any) access tokens by RFC 7662 introspection (RS-60):
 * <ol>
 *     <li>an answer cached for this exact token (SHA-256 key, {@link VerifiedTokenCache}) is reused
 *     until the earlier of its {@code exp} and {@code mcp.auth.introspection-cache-ttl};</li>
 *     <li>otherwise the authorization server is asked ({@link IntrospectionClient}) and its answer
 *     judged ({@link IntrospectionClaimsCheck}); only accepted answers are cached;</li>
 *     <li>no answer (endpoint down, timeout, non-200, not JSON, our credentials refused) fails
 *     closed as {@link TokenRejection#INTROSPECTION_UNAVAILABLE} (503, RS-61), and further calls
 *     wait for {@link IntrospectionOutage}.</li>
 * </ol>
 * Logs name the token only by {@link TokenFingerprint} (RS-76).
 */
public final class IntrospectionValidator implements TokenValidator {

    private static final Logger LOGGER = Logger.getLogger(IntrospectionValidator.class.getName());

    /** At most this many active answers are cached. */
    static final int MAX_CACHED_TOKENS = 10_000;

    private final IntrospectionClient client;
    private final IntrospectionClaimsCheck check;
    private final VerifiedTokenCache cache;
    private final IntrospectionOutage outage;

    IntrospectionValidator(IntrospectionClient client, IntrospectionClaimsCheck check, Clock clock,
                           Duration cacheTtl, Duration retryInterval) {
        this.client = client;
        this.check = check;
        this.cache = new VerifiedTokenCache(clock, cacheTtl, MAX_CACHED_TOKENS, NoKeys.INSTANCE);
        this.outage = new IntrospectionOutage(clock, retryInterval);
    }

    @Override
    public TokenValidation validate(String token) {
        Optional<AccessToken> cached = cache.find(token);
        if (cached.isPresent()) {
            return new TokenValidation.Accepted(cached.get());
        }
        if (!outage.mayCall()) {
            return new TokenValidation.Rejected(TokenRejection.INTROSPECTION_UNAVAILABLE);
        }
        Map<String, Object> answer;
        try {
            answer = client.introspect(token);
        } catch (IOException | RuntimeException e) {
            if (outage.failed()) {
                LOGGER.warning(() -> "introspection failed (token " + TokenFingerprint.of(token) + "), failing closed: "
                        + AuthDecisionLog.safe(e.getMessage()));
            }
            return new TokenValidation.Rejected(TokenRejection.INTROSPECTION_UNAVAILABLE);
        }
        outage.succeeded();
        TokenValidation judged = check.judge(answer, TokenFingerprint.of(token));
        if (judged instanceof TokenValidation.Accepted accepted) {
            cache.remember(token, accepted.token(), NoKeys.GENERATION);
        }
        return judged;
    }

    int cachedTokens() {
        return cache.size();
    }

    /** Introspected tokens carry no key: one constant generation, so only TTL and {@code exp} end an entry. */
    private enum NoKeys implements VerifiedTokenCache.TrustedKeys {
        INSTANCE;

        static final Optional<Long> GENERATION = Optional.of(0L);

        @Override
        public Optional<Long> generationOf(Optional<String> keyId) {
            return GENERATION;
        }

        @Override
        public void refreshIfStale() {
            // nothing to refresh
        }
    }
}
