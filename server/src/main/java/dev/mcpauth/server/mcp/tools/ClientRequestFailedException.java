package dev.mcpauth.server.mcp.tools;

/** A request to the client could not be made or was not answered; the message says why. */
public class ClientRequestFailedException extends Exception {

    public ClientRequestFailedException(String message) {
        super(message);
    }
}
