package dev.mcpauth.server.edge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.BearerAuthenticator;
import dev.mcpauth.server.auth.BearerAuthenticator.Authentication;
import dev.mcpauth.server.auth.PresentedCredentials;
import io.helidon.common.LazyValue;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Grant;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.security.spi.AuthenticationProvider;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Helidon security provider for OAuth 2.1 bearer tokens, configured under
 * {@code security.providers} with {@code type: mcp-bearer}. It replaces MP-JWT's validation,
 * which cannot refetch keys, check {@code nbf} or {@code typ}, or say why it failed, with
 * {@link BearerAuthenticator}.
 * <p>
 * On success the subject carries the token the way MP-JWT's own provider does (a
 * {@link TokenCredential} holding a {@link SignedJwt}), so Helidon's producer makes
 * {@code @Inject JsonWebToken} work, plus our {@link AccessToken} and one {@code scope} grant
 * per scope. Either way the outcome is recorded in the request's {@link RequestAuthOutcome}, where
 * {@link BearerChallengeMapper} finds how to refuse.
 */
public final class McpBearerProvider implements AuthenticationProvider {

    private static final Logger LOGGER = Logger.getLogger(McpBearerProvider.class.getName());

    /** Created by Helidon through ServiceLoader, so the CDI bean is looked up on first use. */
    private final LazyValue<BearerAuthenticator> authenticator =
            LazyValue.create(() -> CDI.current().select(BearerAuthenticator.class).get());

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        SecurityEnvironment env = request.env();
        Optional<RequestAuthOutcome> outcome = RequestAuthOutcome.current();
        PresentedCredentials presented = new PresentedCredentials(
                authorizationHeaders(env.headers()),
                env.queryParams().contains("access_token"),
                outcome.map(o -> o.peek().formToken()).orElse(false));
        return switch (authenticator.get().authenticate(presented)) {
            case Authentication.Success success -> {
                outcome.ifPresent(o -> o.authenticated(success.decision()));
                yield AuthenticationResponse.success(subject(success));
            }
            case Authentication.Failure failure -> {
                outcome.ifPresent(o -> o.refused(failure.decision(), failure.rejection()));
                yield AuthenticationResponse.builder()
                    .status(SecurityResponse.SecurityStatus.FAILURE)
                    .statusCode(failure.rejection().status())
                    .description(failure.rejection().reason())
                    .build();
            }
        };
    }

    /** Every {@code Authorization} field line, whatever the case of the name (RS-30). */
    static List<String> authorizationHeaders(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static Subject subject(Authentication.Success success) {
        AccessToken token = success.accessToken();
        Subject.Builder subject = Subject.builder()
                .principal(Principal.builder().name(token.subject()).id(token.subject()).build())
                .addPublicCredential(AccessToken.class, token)
                .addPublicCredential(TokenCredential.class, credential(success));
        token.scopes().forEach(scope -> subject.addGrant(Grant.builder().name(scope).type("scope").build()));
        return subject.build();
    }

    private static TokenCredential credential(Authentication.Success success) {
        AccessToken token = success.accessToken();
        TokenCredential.Builder credential = TokenCredential.builder()
                .token(success.token())
                .issuer(token.issuer())
                .expTime(token.expiresAt());
        if (!isCompactJws(success.token())) {
            // an opaque token, verified by introspection (RS-60): nothing for Helidon to parse, JsonWebToken stays empty
            return credential.build();
        }
        try {
            credential.addToken(SignedJwt.class, SignedJwt.parseToken(success.token()));
        } catch (RuntimeException e) {
            // Nimbus verified it; if Helidon's parser disagrees, JsonWebToken stays empty
            LOGGER.log(Level.WARNING, "Helidon could not parse a verified token (fingerprint {0})",
                       token.fingerprint());
        }
        return credential.build();
    }

    /** Three dot-separated parts: the only form {@link SignedJwt#parseToken} can read. */
    static boolean isCompactJws(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
