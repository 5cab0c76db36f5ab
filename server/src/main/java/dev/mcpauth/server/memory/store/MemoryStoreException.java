package dev.mcpauth.server.memory.store;

/** The database could not be reached or refused an operation; callers answer "store unavailable". */
public class MemoryStoreException extends RuntimeException {

    public MemoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
