package dev.mcpauth.server.mcp;

import java.util.Set;

import jakarta.json.JsonObject;

/**
 * JSON-RPC methods beyond the built-in ones, contributed by a CDI bean (the conformance
 * fixtures: {@code resources/*}, {@code prompts/*}, {@code completion/complete},
 * {@code logging/setLevel}). A switched-off set handles nothing and advertises nothing.
 */
public interface MethodSet {

    /** Whether this set answers {@code method} (in the legacy era). */
    boolean handles(String method);

    /** Whether a 2026-07-28 request may call {@code method} here. */
    boolean servesModern(String method);

    /** The scopes a call of {@code method} needs; only asked for methods this set handles. */
    Set<String> requiredScopes(String method);

    /**
     * The capabilities to advertise, merged into {@code initialize} ({@code modern} false) and
     * {@code server/discover} ({@code modern} true).
     */
    JsonObject capabilities(boolean modern);

    /** The JSON-RPC response (result or error) for a request this set handles. */
    JsonObject dispatch(JsonRpcMessage.Request request, CallContext context);
}
