package dev.mcpauth.conformance.token;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code --token-format opaque}: the suite's issuer hands out opaque tokens, and the target must
 * ask its RFC 7662 introspection endpoint about them (RS-60). Good tokens carry the claims of
 * {@link IssuerTokens}; a mutation that breaks a claim (expired, wrong audience, wrong issuer,
 * ...) becomes an opaque token whose introspection answer carries the broken claim. Mutations of
 * a JWT's header or signature have no opaque form: they are sent as the JWTs of {@code jwtTokens}
 * (which the issuer does not know, so introspection calls them inactive).
 */
public final class OpaqueIssuerTokens implements TokenSource {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TokenSource jwtTokens;
    private final OpaqueMinter minter;
    private final IssuerTokens.Template template;
    private final Clock clock;
    private final Consumer<String> onMint;

    public OpaqueIssuerTokens(TokenSource jwtTokens, OpaqueMinter minter, IssuerTokens.Template template, Clock clock,
                              Consumer<String> onMint) {
        this.jwtTokens = Objects.requireNonNull(jwtTokens, "jwtTokens");
        this.minter = Objects.requireNonNull(minter, "minter");
        this.template = Objects.requireNonNull(template, "template");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onMint = Objects.requireNonNull(onMint, "onMint");
    }

    @Override
    public Mode mode() {
        return jwtTokens.mode();
    }

    @Override
    public Optional<URI> issuer() {
        return jwtTokens.issuer();
    }

    @Override
    public Minted baseline(String baselineScope) {
        return withScopes(baselineScope);
    }

    @Override
    public Minted lowScope(String baselineScope) {
        return withScopes(baselineScope);
    }

    @Override
    public String lowScopeDescription(String baselineScope) {
        return "an opaque token with only the baseline scope \"" + baselineScope + "\"";
    }

    @Override
    public Minted withScopes(String scope) {
        return mint(goodClaims(scope));
    }

    /** An opaque token with exactly these claims in its introspection answer. */
    public Minted withClaims(Map<String, Object> claims) {
        return mint(new LinkedHashMap<>(claims));
    }

    /** A token of the issuer's opaque shape that it never issued (introspection: inactive). */
    public Minted neverIssued() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "opq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        onMint.accept(token);
        return Minted.of(token);
    }

    /** The claims of a good token, for scenarios that bend one of them. */
    public Map<String, Object> goodClaims(String scope) {
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
        c.put("exp", now.plus(IssuerTokens.LIFETIME).getEpochSecond());
        c.put("jti", UUID.randomUUID().toString());
        return c;
    }

    @Override
    public Minted mutated(TokenMutation m, String scope, Supplier<PublishedKey> publishedKey) {
        if (!hasOpaqueForm(m)) {
            return jwtTokens.mutated(m, scope, publishedKey);
        }
        Map<String, Object> claims = goodClaims(scope);
        SignedMutations.apply(m, new LinkedHashMap<>(), claims, template, clock.instant());
        return mint(claims);
    }

    @Override
    public String mutationDescription(TokenMutation mutation) {
        return hasOpaqueForm(mutation) ? "an opaque token whose introspection answer has " + mutation.description()
                : "a JWT (no opaque form): " + mutation.description();
    }

    /** Whether the mutation only changes claims, so an introspection answer can carry it. */
    static boolean hasOpaqueForm(TokenMutation m) {
        if (m.needs() != TokenMutation.Needs.ISSUER_KEY || m == TokenMutation.ARRAY_PAYLOAD) {
            return false;
        }
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "RS256", "kid", "opaque"));
        SignedMutations.apply(m, header, new LinkedHashMap<>(), new IssuerTokens.Template("https://i.test",
                "https://r.test/mcp", "c"), Instant.EPOCH);
        return header.equals(Map.of("alg", "RS256", "kid", "opaque"));
    }

    private Minted mint(Map<String, Object> claims) {
        try {
            String token = minter.mintOpaque(claims);
            onMint.accept(token);
            return Minted.of(token);
        } catch (JwsSigner.SigningException e) {
            return Minted.unavailable("the suite's issuer did not mint an opaque token: " + e.getMessage());
        }
    }
}
