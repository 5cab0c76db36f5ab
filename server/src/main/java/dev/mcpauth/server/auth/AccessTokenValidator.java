package dev.mcpauth.server.auth;

import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.mcpauth.server.config.McpSettings;

/**
 * Answers "is this a real access token for this resource?" with Nimbus JOSE+JWT:
 * <ol>
 *     <li>parse; only JWS is accepted: {@code alg: none} and JWE are refused (RS-42, RS-50, RS-51);</li>
 *     <li>{@code alg} must be on the fixed asymmetric allow-list, so an HMAC forged with the public
 *     key never reaches a key lookup (RS-43, RFC 8725 §3.1);</li>
 *     <li>any {@code crit} header is refused: this server understands no extension (RS-49);</li>
 *     <li>{@code typ} per profile (RS-48); keys only from the AS's JWKS, matched on {@code kid},
 *     key type, curve and the key's own {@code alg}; {@code jwk}/{@code jku}/{@code x5u}/{@code x5c}
 *     headers are never consulted (RS-44, RS-45, RS-46);</li>
 *     <li>a token verified before and still in the {@link VerifiedTokenCache} skips the steps below;</li>
 *     <li>signature (RS-41), then {@link TokenClaimsVerifier} (RS-32, RS-37, RS-38, RS-39, RS-47,
 *     RS-52, RS-53, RS-54, RS-55, RS-56, RS-57).</li>
 * </ol>
 */
public final class AccessTokenValidator implements TokenValidator {

    /** RS256 must be supported (RS-41); no {@code none}, no {@code HS*} (RS-42, RS-43). */
    public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    /** At most this many verified tokens are cached. */
    static final int MAX_CACHED_TOKENS = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JwksKeySource keys;
    private final VerifiedTokenCache cache;
    private final ScopeClaims scopeClaims;

    public AccessTokenValidator(McpSettings settings, JwksKeySource keys, Clock clock) {
        this(settings, settings.resourceId(), keys, clock);
    }

    public AccessTokenValidator(McpSettings settings, String audience, JwksKeySource keys, Clock clock) {
        this(settings, audience, keys, clock, new ScopeClaims(Optional.empty()));
    }

    /**
     * A validator for another protected resource of this server (the REST API): its own audience,
     * and its own cache, so a token verified for one audience is never taken from the other's cache.
     */
    public AccessTokenValidator(McpSettings settings, String audience, JwksKeySource keys, Clock clock,
                                ScopeClaims scopeClaims) {
        this.keys = keys;
        this.scopeClaims = scopeClaims;
        this.cache = new VerifiedTokenCache(clock, settings.verifiedTokenCacheTtl(), MAX_CACHED_TOKENS, keys);
        processor.setJWSTypeVerifier(new TokenTypeVerifier(settings.tokenType()));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(
                new TokenClaimsVerifier(settings.issuerId(), audience, settings.clockSkew(), clock));
    }

    @Override
    public TokenValidation validate(String token) {
        Optional<AccessToken> cached = cache.find(token);
        if (cached.isPresent()) {
            return new TokenValidation.Accepted(cached.get());
        }
        return verify(token);
    }

    private TokenValidation verify(String token) {
        try {
            Optional<TokenRejection> headerProblem = checkHeader(token);
            if (headerProblem.isPresent()) {
                return rejected(headerProblem.get());
            }
            SignedJWT signed = SignedJWT.parse(token);
            Optional<Long> keyGeneration = keys.generationOf(Optional.ofNullable(signed.getHeader().getKeyID()));
            JWTClaimsSet claims = processor.process(signed, null);
            AccessToken verified = toAccessToken(claims, signed, token);
            cache.remember(token, verified, keyGeneration);
            return new TokenValidation.Accepted(verified);
        } catch (ParseException | BadJWTException e) {
            return rejected(e instanceof TokenRejectedException r ? r.reason() : TokenRejection.MALFORMED);
        } catch (BadJWSException e) {
            return rejected(TokenRejection.BAD_SIGNATURE);
        } catch (BadJOSEException e) {
            // the only other refusal left: no key of the AS matches kid, key type and alg
            return rejected(TokenRejection.UNKNOWN_KEY);
        } catch (KeySourceException e) {
            return rejected(TokenRejection.KEYS_UNAVAILABLE);
        } catch (JOSEException | RuntimeException e) {
            // e.g. a key too short for its algorithm, or a value Nimbus cannot handle: never a 5xx
            return rejected(TokenRejection.BAD_SIGNATURE);
        }
    }

    /** The header decides first: JWE, {@code none} in any spelling, HMAC and {@code crit} never go further. */
    private static Optional<TokenRejection> checkHeader(String token) throws ParseException {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.of(TokenRejection.MALFORMED);
        }
        Header header = Header.parse(new Base64URL(token.substring(0, dot)));
        if (header instanceof JWEHeader) {
            return Optional.of(TokenRejection.ENCRYPTED);
        }
        if (!(header instanceof JWSHeader jws) || !ALLOWED_ALGORITHMS.contains(jws.getAlgorithm())) {
            return Optional.of(TokenRejection.ALGORITHM_NOT_ALLOWED);
        }
        Set<String> critical = jws.getCriticalParams();
        if (critical != null && !critical.isEmpty()) {
            return Optional.of(TokenRejection.UNSUPPORTED_CRITICAL_HEADER);
        }
        return Optional.empty();
    }

    private AccessToken toAccessToken(JWTClaimsSet claims, SignedJWT signed, String token)
            throws ParseException, TokenRejectedException {
        Optional<String> clientId = Optional.ofNullable(claims.getStringClaim("client_id"))
                .or(() -> stringClaim(claims, "azp"));
        Set<String> scopes = scopeClaims.read(claims.getClaims())
                .orElseThrow(() -> new TokenRejectedException(TokenRejection.UNUSABLE_SCOPE_CLAIM));
        return new AccessToken(claims.getIssuer(), claims.getSubject(), clientId, scopes,
                claims.getExpirationTime().toInstant(), Optional.ofNullable(signed.getHeader().getKeyID()),
                TokenFingerprint.of(token));
    }

    private static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static TokenValidation rejected(TokenRejection reason) {
        return new TokenValidation.Rejected(reason);
    }
}
