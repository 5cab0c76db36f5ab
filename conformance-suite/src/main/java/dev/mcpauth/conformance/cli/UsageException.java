package dev.mcpauth.conformance.cli;

/**
 * Bad input from the operator (unknown option, bad URL, unreadable file, unknown scenario):
 * reported as one line on stderr with exit code 2, never as a stack trace.
 */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
