package dev.mcpauth.conformance.token;

import com.nimbusds.jose.jwk.JWK;
import dev.mcpauth.conformance.options.OperatorTokens;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Operator-token mode: only tokens the operator supplied exist. Mutations that damage the
 * operator's token, strip its signature or re-sign its claims with the attacker's key still work
 * when it is a JWT; the HS256 key-confusion tokens are keyed with the key the AS publishes; the
 * operator's second-user and other-audience tokens stand for those mutations; everything else
 * comes back unavailable with the reason.
 */
public final class OperatorTokenSource implements TokenSource {
    private final String token;
    private final Optional<String> lowScopeToken;
    private final OperatorTokens others;
    private final URI audience;
    private final Clock clock;
    private final Forger forger;

    private OperatorTokenSource(String token, Optional<String> lowScopeToken, OperatorTokens others, URI audience,
                                Clock clock, Forger forger) {
        this.token = Objects.requireNonNull(token, "token");
        this.lowScopeToken = Objects.requireNonNull(lowScopeToken, "lowScopeToken");
        this.others = Objects.requireNonNull(others, "others");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.forger = forger;
    }

    /**
     * @param audience the resource under test (the {@code aud} of a key-confusion token when the
     *                 operator token is not a JWT)
     * @param onMint   told every token made (the run's redactor)
     */
    public static OperatorTokenSource of(String token, Optional<String> lowScopeToken, OperatorTokens others,
                                         URI audience, AttackerJwks attacker, Clock clock, Consumer<String> onMint) {
        return new OperatorTokenSource(token, lowScopeToken, others, audience, clock, new Forger(attacker, onMint));
    }

    @Override
    public Mode mode() {
        return Mode.OPERATOR;
    }

    @Override
    public Optional<URI> issuer() {
        return Optional.empty();
    }

    @Override
    public Minted baseline(String baselineScope) {
        return Minted.of(token);
    }

    @Override
    public Minted lowScope(String baselineScope) {
        return Minted.of(lowScopeToken.orElse(token));
    }

    @Override
    public String lowScopeDescription(String baselineScope) {
        return lowScopeToken.isPresent() ? "the --low-scope-token (its scopes are not known to the suite)"
                : "the --token (no --low-scope-token was given; its scopes are not known to the suite)";
    }

    @Override
    public Minted withScopes(String scope) {
        return Minted.unavailable("minting a token with scopes \"" + scope + "\" needs the suite's issuer "
                + "(run with --issuer, or let the suite start one the target trusts)");
    }

    @Override
    public Minted mutated(TokenMutation m, String scope, Supplier<PublishedKey> publishedKey) {
        Optional<String> substitute = substitute(m);
        if (substitute.isPresent()) {
            return Minted.of(substitute.get());
        }
        Optional<Forger.HeaderAndClaims> jwt = Forger.parseJws(token);
        return switch (m.needs()) {
            case ISSUER_KEY -> Minted.unavailable("\"" + m.description() + "\" must be signed by the trusted issuer; "
                    + "an operator token cannot be re-signed (run with --issuer)");
            case ISSUER_PUBLIC_KEY -> withPublishedKey(m, jwt, publishedKey.get(), scope);
            case GOOD_JWT -> jwt.isPresent() ? forger.damaged(m, token) : Minted.unavailable(noJwt(m));
            case CLAIMS -> jwt.map(hc -> forger.reSigned(m, hc.claims())).orElseGet(() -> Minted.unavailable(noJwt(m)));
            case NOTHING -> forger.synthetic(m);
        };
    }

    @Override
    public String mutationDescription(TokenMutation m) {
        return substitute(m).isEmpty() ? m.description()
                : m == TokenMutation.OTHER_SUBJECT ? "the --other-user-token (a second user's valid token)"
                : "the --other-audience-token (from the same authorization server, for another resource)";
    }

    private Optional<String> substitute(TokenMutation m) {
        return switch (m) {
            case OTHER_SUBJECT -> others.otherUser();
            case WRONG_AUDIENCE, OTHER_API_AUDIENCE -> others.otherAudience();
            default -> Optional.empty();
        };
    }

    private static String noJwt(TokenMutation m) {
        return "\"" + m.description() + "\" is derived from a good JWT, and the operator token is not a JWT";
    }

    /**
     * The HS256 confusion token keyed with the AS's published key, under its {@code kid}: the
     * operator token's claims when it is a JWT; otherwise the AS as {@code iss}, the target as
     * {@code aud}, the baseline scope and a future {@code exp}.
     */
    private Minted withPublishedKey(TokenMutation m, Optional<Forger.HeaderAndClaims> jwt, PublishedKey found,
                                    String scope) {
        if (found.key().isEmpty()) {
            return Minted.unavailable("\"" + m.description() + "\" needs the authorization server's public "
                    + "key; without the suite's issuer it is fetched black-box (PRM → authorization_servers[0] → AS "
                    + "metadata → jwks_uri), and that failed: " + found.problem().orElse("?")
                    + " (or run with --issuer)");
        }
        JWK published = found.key().get();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "HS256");
        h.put("typ", jwt.map(hc -> hc.header().get("typ")).filter(String.class::isInstance).orElse("at+jwt"));
        h.put("kid", published.getKeyID());
        Map<String, Object> c = jwt.map(Forger.HeaderAndClaims::claims).orElseGet(() -> {
            Instant now = clock.instant();
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("iss", found.issuer().orElse(""));
            made.put("aud", audience.toString());
            if (!scope.isBlank()) {
                made.put("scope", scope.trim());
            }
            made.put("iat", now.getEpochSecond());
            made.put("exp", now.plus(IssuerTokens.LIFETIME).getEpochSecond());
            return made;
        });
        return forger.hmac(m, published.toPublicJWK(), h, c);
    }
}
