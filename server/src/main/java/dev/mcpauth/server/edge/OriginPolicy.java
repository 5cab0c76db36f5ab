package dev.mcpauth.server.edge;

import java.util.Locale;
import java.util.Optional;

import dev.mcpauth.server.config.McpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * DNS-rebinding protection (RS-67): a request that carries an {@code Origin} must come from the
 * resource's own origin or one listed in {@code mcp.allowed-origins}; otherwise 403. Requests
 * without {@code Origin} (non-browser clients) are not affected.
 */
@ApplicationScoped
public class OriginPolicy {

    private final McpSettings settings;

    @Inject
    public OriginPolicy(McpSettings settings) {
        this.settings = settings;
    }

    /** {@code true} when there is no Origin or it is allowed. */
    public boolean permits(Optional<String> origin) {
        return origin.map(this::isAllowed).orElse(true);
    }

    /** {@code true} only for a present and allowed Origin, which then gets CORS headers. */
    public boolean isAllowed(String origin) {
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        return normalised.equals(settings.resourceOrigin().toLowerCase(Locale.ROOT))
                || settings.allowedOrigins().contains(normalised);
    }
}
