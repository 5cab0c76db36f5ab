package dev.mcpauth.server.auth;

import com.nimbusds.jwt.proc.BadJWTException;

/**
 * Thrown inside the Nimbus pipeline by our own verifiers so that the validator can tell the
 * reasons apart without parsing English messages. Stackless: it is control flow.
 */
final class TokenRejectedException extends BadJWTException {

    private final TokenRejection reason;

    TokenRejectedException(TokenRejection reason) {
        super(reason.description());
        this.reason = reason;
    }

    TokenRejection reason() {
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
