package dev.mcpauth.conformance.token;

import java.util.Map;

/**
 * Signs a payload under a JOSE header with the trusted issuer's key. The test issuer's
 * {@code /mint} endpoint is the implementation; tests may use the issuer directly.
 */
public interface JwsSigner {
    /**
     * @param header  the complete JOSE header ({@code alg} must be an RSA signature algorithm)
     * @param payload the payload text, signed as is (it need not be a JSON object)
     * @return the compact serialization
     * @throws SigningException when the issuer refuses or cannot be reached
     */
    String sign(Map<String, Object> header, String payload) throws SigningException;

    /** The issuer could not sign. */
    final class SigningException extends Exception {
        public SigningException(String message, Throwable cause) {
            super(message, cause);
        }

        public SigningException(String message) {
            super(message);
        }
    }
}
