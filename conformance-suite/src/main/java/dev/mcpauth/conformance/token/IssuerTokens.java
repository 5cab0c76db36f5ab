package dev.mcpauth.conformance.token;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mcpauth.conformance.options.TokenTyp;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tokens the trusted issuer signs (through {@link JwsSigner}): good RFC 9068 access tokens with
 * any scopes ({@code typ} as {@code --token-typ} says, {@code at+jwt} by default), and every {@link TokenMutation}. Tokens are made at run time, never stored.
 */
public final class IssuerTokens implements TokenSource {
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final String WRONG_AUDIENCE = "https://other.test/mcp";
    public static final String OTHER_API_AUDIENCE = "https://api.github.com";
    public static final String WRONG_ISSUER = "https://evil.test";
    public static final String OTHER_SUBJECT = "conformance-other-user";

    /**
     * The claims of a good token.
     *
     * @param issuer   the trusted issuer's identifier ({@code iss})
     * @param audience the resource under test ({@code aud})
     * @param clientId {@code client_id}, also used as {@code sub}
     */
    public record Template(String issuer, String audience, String clientId) {
        public Template {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    private final Mode mode;
    private final JwsSigner signer;
    private final RSAKey issuerKey;
    private final Template template;
    private final Clock clock;
    private final Forger forger;
    private final TokenTyp typ;

    private IssuerTokens(Mode mode, JwsSigner signer, RSAKey issuerKey, Template template, Clock clock, Forger forger,
                         TokenTyp typ) {
        if (mode != Mode.ISSUER && mode != Mode.IN_PROCESS_ISSUER) {
            throw new IllegalArgumentException("not an issuer mode: " + mode);
        }
        this.mode = mode;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.issuerKey = issuerKey.toPublicJWK();
        this.template = Objects.requireNonNull(template, "template");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.forger = forger;
        this.typ = Objects.requireNonNull(typ, "typ");
    }

    /**
     * @param issuerKey the issuer's current public key (for its {@code kid})
     * @param onMint    told every token made (the run's redactor)
     */
    public static IssuerTokens of(Mode mode, JwsSigner signer, RSAKey issuerKey, Template template,
                                  AttackerJwks attacker, Clock clock, Consumer<String> onMint) {
        return new IssuerTokens(mode, signer, issuerKey, template, clock, new Forger(attacker, onMint), TokenTyp.AT_JWT);
    }

    /** These tokens with this {@code typ} in the header of every good token (mutations edit it as before). */
    public IssuerTokens withTyp(TokenTyp newTyp) {
        return new IssuerTokens(mode, signer, issuerKey, template, clock, forger, newTyp);
    }

    /** The {@code typ} of the good tokens. */
    public TokenTyp typ() {
        return typ;
    }

    @Override
    public Optional<TokenSource> withTokenTyp(TokenTyp newTyp) {
        return Optional.of(withTyp(newTyp));
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public Optional<URI> issuer() {
        return Optional.of(URI.create(template.issuer()));
    }

    @Override
    public Minted baseline(String baselineScope) {
        return withScopes(baselineScope);
    }

    /** The issuer mints the baseline token; the privileged scope is what it lacks. */
    @Override
    public Minted lowScope(String baselineScope) {
        return withScopes(baselineScope);
    }

    @Override
    public String lowScopeDescription(String baselineScope) {
        return "a token with only the baseline scope \"" + baselineScope + "\"";
    }

    @Override
    public Minted withScopes(String scope) {
        return sign(goodHeader(), goodClaims(scope));
    }

    @Override
    public Minted mutated(TokenMutation m, String scope, Supplier<PublishedKey> publishedKey) {
        return switch (m.needs()) {
            case ISSUER_KEY -> signed(m, scope);
            case ISSUER_PUBLIC_KEY -> forger.hmac(m, issuerKey, goodHeader(), goodClaims(scope));
            case GOOD_JWT -> withScopes(scope).token().map(jwt -> forger.damaged(m, jwt))
                    .orElseGet(() -> withScopes(scope));
            case CLAIMS -> forger.reSigned(m, goodClaims(scope));
            case NOTHING -> forger.synthetic(m);
        };
    }

    @Override
    public Optional<TokenSource> withAudience(String audience) {
        return Optional.of(new IssuerTokens(mode, signer, issuerKey,
                new Template(template.issuer(), audience, template.clientId()), clock, forger, typ));
    }

    @Override
    public IssuerTokens withIssuerKey(RSAKey key) {
        return new IssuerTokens(mode, signer, key, template, clock, forger, typ);
    }

    private Minted signed(TokenMutation m, String scope) {
        Map<String, Object> h = goodHeader();
        Map<String, Object> c = goodClaims(scope);
        if (m == TokenMutation.ARRAY_PAYLOAD) {
            // The good claims wrapped in an array: signed correctly, but not a JWT Claims Set.
            return signRaw(h, "[" + JSONObjectUtils.toJSONString(c) + "]");
        }
        SignedMutations.apply(m, h, c, template, clock.instant());
        return sign(h, c);
    }

    private Map<String, Object> goodHeader() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        typ.header().ifPresent(t -> h.put("typ", t));
        h.put("kid", issuerKey.getKeyID());
        return h;
    }

    private Map<String, Object> goodClaims(String scope) {
        Instant now = clock.instant();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", template.issuer());
        c.put("sub", template.clientId());
        c.put("aud", template.audience());
        c.put("client_id", template.clientId());
        if (!scope.isBlank()) {
            c.put("scope", scope.trim());
        }
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.plus(LIFETIME).getEpochSecond());
        c.put("jti", forger.randomBase64Url(16));
        return c;
    }

    private Minted sign(Map<String, Object> header, Map<String, Object> claims) {
        return signRaw(header, JSONObjectUtils.toJSONString(claims));
    }

    private Minted signRaw(Map<String, Object> header, String payload) {
        try {
            return forger.minted(signer.sign(header, payload));
        } catch (JwsSigner.SigningException e) {
            return Minted.unavailable("the suite's issuer did not sign: " + e.getMessage());
        }
    }
}
