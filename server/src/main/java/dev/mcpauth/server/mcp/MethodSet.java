package dev.mcpauth.server.mcp;

import java.util.Set;

import jakarta.json.JsonObject;

/**
 * JSON-RPC methods beyond the built-in ones, contributed by a CDI bean (the conformance
 * fixtures: {@code resources/*}, {@code prompts/*}, {@code completion/complete},
 * {@code logging/setLevel}). A switched-off set handles nothing and advertises nothing.
 */
public interface MethodSet {

    /** Whether this set answers {@code method} (in the 2025 session era). */
    boolean handles(String method);

    /** Whether a 2026-07-28 request may call {@code method} here. */
    boolean servesStateless(String method);

    /** The scopes a call of {@code method} needs; only asked for methods this set handles. */
    Set<String> requiredScopes(String method);

    /**
     * The scopes this request needs, when they depend on what it names (a resource's URI, a
     * prompt's name) and not only on its method; by default the method's.
     */
    default Set<String> requiredScopes(JsonRpcMessage.Request request) {
        return requiredScopes(request.method());
    }

    /**
     * The capabilities to advertise in this era, merged into {@code initialize} (2025 sessions)
     * or {@code server/discover} (2026 stateless).
     */
    JsonObject capabilities(ProtocolEra era);

    /** The JSON-RPC response (result or error) for a request this set handles. */
    JsonObject dispatch(JsonRpcMessage.Request request, CallContext context);
}
