package dev.mcpauth.server.auth;

import dev.mcpauth.server.auth.BearerTokenResolver.ResolvedCredential;
import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The bearer edge in one call: find the token ({@link BearerTokenResolver}), validate it
 * ({@link TokenValidator}: JWT or introspection, by {@code mcp.auth.mode}), and either return it or say exactly how to refuse
 * ({@link BearerRejection}). Each answer carries its {@link AuthDecision} for the decision log.
 */
@ApplicationScoped
public class BearerAuthenticator {

    private final BearerTokenResolver resolver = new BearerTokenResolver();
    private final String prm;
    private final TokenValidator validator;

    /** The edge of {@code /mcp}. */
    @Inject
    public BearerAuthenticator(McpSettings settings, TokenValidator validator) {
        this(settings.protectedResourceMetadataUrl(), validator);
    }

    /**
     * The edge of another protected resource (the REST API): its challenges name its own
     * metadata URL, and its validator expects its own audience.
     */
    public BearerAuthenticator(String protectedResourceMetadataUrl, TokenValidator validator) {
        this.prm = protectedResourceMetadataUrl;
        this.validator = validator;
    }

    public Authentication authenticate(PresentedCredentials presented) {
        return switch (resolver.resolve(presented)) {
            case ResolvedCredential.None none -> refuse(TokenFingerprint.NONE, "missing_token",
                    BearerRejection.of(BearerChallenge.missingCredentials(prm, ScopePolicy.BASELINE), "missing_token"));
            case ResolvedCredential.InvalidRequest invalid -> refuse(TokenFingerprint.NONE, "invalid_request",
                    BearerRejection.of(BearerChallenge.invalidRequest(invalid.description(), prm), "invalid_request"));
            case ResolvedCredential.Malformed malformed -> refused(TokenFingerprint.of(malformed.value()),
                    TokenRejection.MALFORMED);
            case ResolvedCredential.Token token -> validate(token.value());
        };
    }

    private Authentication validate(String token) {
        return switch (validator.validate(token)) {
            case TokenValidation.Accepted accepted -> new Authentication.Success(accepted.token(), token);
            case TokenValidation.Rejected rejected -> refused(TokenFingerprint.of(token), rejected.reason());
        };
    }

    private Authentication refused(String fingerprint, TokenRejection reason) {
        BearerRejection rejection = reason.unavailable()
                ? BearerRejection.unavailable(reason)
                : BearerRejection.of(BearerChallenge.invalidToken(reason.description(), prm, ScopePolicy.BASELINE),
                                     reason.code());
        return refuse(fingerprint, reason.code(), rejection);
    }

    private static Authentication refuse(String fingerprint, String reason, BearerRejection rejection) {
        return new Authentication.Failure(rejection, AuthDecision.denied(fingerprint, reason));
    }

    /** The answer of {@link #authenticate(PresentedCredentials)}. */
    public sealed interface Authentication {

        /** The token is valid; {@code token} is kept only to hand Helidon its token credential. */
        record Success(AccessToken accessToken, String token) implements Authentication {
            public AuthDecision decision() {
                return AuthDecision.allowed(accessToken);
            }

            @Override
            public String toString() {
                return "Success[" + accessToken + "]";
            }
        }

        record Failure(BearerRejection rejection, AuthDecision decision) implements Authentication {
        }
    }
}
