package dev.mcpauth.conformance.load;

/** A bad {@code load} argument: reported as one line with exit code 2. */
public final class LoadArgumentException extends Exception {
    public LoadArgumentException(String message) {
        super(message);
    }
}
