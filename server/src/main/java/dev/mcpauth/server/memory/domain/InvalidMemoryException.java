package dev.mcpauth.server.memory.domain;

/** A client's input breaks a {@link MemoryRules} rule; the message says which, for the client. */
public class InvalidMemoryException extends Exception {

    public InvalidMemoryException(String message) {
        super(message);
    }
}
