package dev.mcpauth.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Grant;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.Subject;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.security.spi.AuthenticationProvider;

/**
 * BENCHMARK ONLY, never part of the shipped server: an authentication provider that verifies
 * nothing and authenticates every request as one fixed principal with the {@code mcp:read} scope.
 * ci/bench.sh compiles it into a separate jar, puts that jar in front of the server's class path
 * and selects it with {@code -Dsecurity.providers.0.type=bench-fixed-principal}; the server jar
 * has no such provider, so that setting means nothing without this jar.
 * <p>
 * The subject is shaped exactly like the real bearer provider's (an {@link AccessToken}, a
 * {@link TokenCredential} holding a {@link SignedJwt} for {@code @Inject JsonWebToken}, one
 * {@code scope} grant per scope), so the MCP call behind it does the same work and the
 * difference between the two runs is the bearer edge: header parsing, JWS parsing, RSA
 * verification and the claim checks.
 */
public final class FixedPrincipalProvider implements AuthenticationProvider {
    static final String SUBJECT = "bench-fixed-principal";
    static final String SCOPE = "mcp:read";

    private final AccessToken token;
    private final String jwt;

    FixedPrincipalProvider(String issuer) {
        Instant exp = Instant.parse("2099-01-01T00:00:00Z");
        this.token = new AccessToken(issuer, SUBJECT, Optional.of(SUBJECT), Set.of(SCOPE), exp, Optional.empty(),
                "fixed-principal");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + SUBJECT + "\",\"client_id\":\"" + SUBJECT
                + "\",\"scope\":\"" + SCOPE + "\",\"exp\":" + exp.getEpochSecond() + "}";
        // Never verified by anyone: the signature part only has to be there for the parser.
        this.jwt = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".bm90LXNpZ25lZA";
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        TokenCredential credential = TokenCredential.builder()
                .token(jwt)
                .issuer(token.issuer())
                .expTime(token.expiresAt())
                .addToken(SignedJwt.class, SignedJwt.parseToken(jwt))
                .build();
        Subject subject = Subject.builder()
                .principal(Principal.builder().name(SUBJECT).id(SUBJECT).build())
                .addPublicCredential(AccessToken.class, token)
                .addPublicCredential(TokenCredential.class, credential)
                .addGrant(Grant.builder().name(SCOPE).type("scope").build())
                .build();
        return AuthenticationResponse.success(subject);
    }
}
