package dev.mcpauth.conformance.token;

import java.util.Map;

/** Asks the suite's issuer for an opaque token whose introspection answer lists exactly these claims. */
@FunctionalInterface
public interface OpaqueMinter {
    String mintOpaque(Map<String, Object> claims) throws JwsSigner.SigningException;
}
