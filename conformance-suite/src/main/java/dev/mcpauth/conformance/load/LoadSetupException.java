package dev.mcpauth.conformance.load;

/**
 * The load could not start: the target or the issuer is unreachable, or the target does not
 * behave like an MCP server. Reported as one line with exit code 2.
 */
public final class LoadSetupException extends Exception {
    public LoadSetupException(String message) {
        super(message);
    }
}
