package dev.mcpauth.peer.quarkus;

import io.quarkiverse.mcp.server.Tool;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;

/** Two tools: one any authenticated caller may use, one that needs the scope mcp:admin. */
public class PeerTools {

    @Inject
    SecurityIdentity identity;

    @Tool(name = "whoami", description = "The caller's subject")
    String whoami() {
        return identity.getPrincipal().getName();
    }

    // quarkus-oidc maps the access token's scope claim to permissions.
    @Tool(name = "admin_stats", description = "Server statistics; needs the scope mcp:admin")
    @PermissionsAllowed("mcp:admin")
    String adminStats() {
        return "uptime-ms=" + ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
