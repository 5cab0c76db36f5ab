package dev.mcpauth.server.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.mcpauth.server.config.McpSettings;
import dev.mcpauth.server.config.TokenTypeProfile;
import dev.mcpauth.server.support.TestConfig;
import dev.mcpauth.server.support.TestIssuer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one bearer token costs {@link AccessTokenValidator}, RS256 with a 2048-bit key:
 * <ul>
 *     <li>{@code coldKey}: a validator that has no keys yet, so the JWKS is fetched (from a
 *     loopback test issuer) before the signature is checked: the first request after startup;</li>
 *     <li>{@code cachedKey}: keys loaded, the verified-token cache off: parse, RSA verification
 *     and claim checks on every call;</li>
 *     <li>{@code cachedVerifiedToken}: the same token again, answered by {@link VerifiedTokenCache}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenValidationBenchmark {

    private TestIssuer issuer;
    private String token;
    private AccessTokenValidator withoutTokenCache;
    private AccessTokenValidator withTokenCache;
    private AccessTokenValidator cold;

    @Setup(Level.Trial)
    public void startIssuer() {
        issuer = TestIssuer.start();
        token = issuer.minter(TestConfig.RESOURCE).token().expiresAt(java.time.Instant.now().plusSeconds(3600)).sign();
        withoutTokenCache = validator(Duration.ZERO);
        withTokenCache = validator(Duration.ofMinutes(10));
        require(withoutTokenCache.validate(token));
        require(withTokenCache.validate(token));
        require(withTokenCache.validate(token));
    }

    @Setup(Level.Invocation)
    public void freshValidator() {
        cold = validator(Duration.ZERO);
    }

    @TearDown(Level.Trial)
    public void stopIssuer() {
        issuer.close();
    }

    @Benchmark
    public TokenValidation coldKey() {
        return cold.validate(token);
    }

    @Benchmark
    public TokenValidation cachedKey() {
        return withoutTokenCache.validate(token);
    }

    @Benchmark
    public TokenValidation cachedVerifiedToken() {
        return withTokenCache.validate(token);
    }

    private AccessTokenValidator validator(Duration tokenCacheTtl) {
        McpSettings settings = new McpSettings(URI.create(TestConfig.RESOURCE), URI.create(issuer.issuer()),
                Optional.of(URI.create(issuer.jwksUri())), List.of("mcp:read"), TokenTypeProfile.LENIENT,
                Duration.ofSeconds(60), Set.of(), "bench", Duration.ofSeconds(10), Duration.ofMinutes(5),
                tokenCacheTtl, Optional.empty(), false);
        Clock clock = Clock.systemUTC();
        JwksKeySource keys = new JwksKeySource(JwksLocation.fixed(URI.create(issuer.jwksUri())),
                new JwksDocumentReader(new HttpJson(HttpClient.newHttpClient())), clock, Duration.ofSeconds(10),
                Duration.ofMinutes(5));
        return new AccessTokenValidator(settings, keys, clock);
    }

    private static void require(TokenValidation validation) {
        if (!(validation instanceof TokenValidation.Accepted)) {
            throw new IllegalStateException("benchmark token refused: " + validation);
        }
    }
}
