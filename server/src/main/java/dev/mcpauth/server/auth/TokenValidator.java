package dev.mcpauth.server.auth;

/**
 * The seam between the bearer edge and token validation: {@link AccessTokenValidator} (JWTs),
 * {@link IntrospectionValidator} (RFC 7662, RS-60) or {@link FormatRoutingValidator} (both),
 * chosen by {@code mcp.auth.mode}.
 */
public interface TokenValidator {

    /** Accepts or rejects the token; never throws for any input. */
    TokenValidation validate(String token);
}
