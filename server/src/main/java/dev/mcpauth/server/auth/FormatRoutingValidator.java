package dev.mcpauth.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code mcp.auth.mode=both}: a token shaped like a JOSE object (three or five dot-separated
 * parts whose first part decodes to a JSON object) goes to the JWT validator, which also refuses
 * JWE and {@code alg: none}; anything else is an opaque token and is introspected. A JWT never
 * falls back to introspection after a refusal, so a forged JWT gets the JWT verdict.
 */
public final class FormatRoutingValidator implements TokenValidator {

    private final TokenValidator jwt;
    private final TokenValidator introspection;

    public FormatRoutingValidator(TokenValidator jwt, TokenValidator introspection) {
        this.jwt = jwt;
        this.introspection = introspection;
    }

    @Override
    public TokenValidation validate(String token) {
        return looksLikeJose(token) ? jwt.validate(token) : introspection.validate(token);
    }

    static boolean looksLikeJose(String token) {
        long dots = token.chars().filter(c -> c == '.').count();
        if (dots != 2 && dots != 4) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                                       StandardCharsets.UTF_8);
            return header.stripLeading().startsWith("{");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
