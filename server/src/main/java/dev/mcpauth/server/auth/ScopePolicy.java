package dev.mcpauth.server.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scopes a call needs, and whether a token has them (RS-62, RS-63, RS-64, RS-65, RS-66).
 * <ul>
 *     <li>Every JSON-RPC method needs {@value #READ}; {@code tools/call} also needs the tool's scopes.</li>
 *     <li>{@value #ADMIN} implies every other scope (RS-65; MCP 2026-07-28 makes hierarchies a MUST).</li>
 *     <li>The scopes named in a challenge are exactly what this call needs, in one challenge,
 *     the same every time (RS-64, RS-66); {@code offline_access} never appears.</li>
 * </ul>
 */
public final class ScopePolicy {

    public static final String READ = "mcp:read";
    public static final String WRITE = "mcp:write";
    public static final String ADMIN = "mcp:admin";

    /** The baseline scope, also named in every 401 challenge (RS-20). */
    public static final String BASELINE = READ;

    private ScopePolicy() {
    }

    /**
     * The minimal set of scopes that lets a caller make this call: the baseline plus the tool's
     * scopes, collapsed to {@value #ADMIN} alone when the tool needs it (it implies the rest).
     */
    public static Set<String> requiredFor(Collection<String> toolScopes) {
        if (toolScopes.contains(ADMIN)) {
            return Set.of(ADMIN);
        }
        Set<String> required = new LinkedHashSet<>(List.of(BASELINE));
        required.addAll(toolScopes);
        return required;
    }

    /** Whether the granted scopes cover every required one, directly or through {@value #ADMIN}. */
    public static boolean allows(Set<String> granted, Set<String> required) {
        return granted.contains(ADMIN) || granted.containsAll(required);
    }

    /** The {@code scope} challenge value for {@code required}: space-separated, stable order. */
    public static String challengeValue(Set<String> required) {
        return String.join(" ", required);
    }
}
