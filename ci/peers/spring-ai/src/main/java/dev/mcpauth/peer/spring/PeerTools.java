package dev.mcpauth.peer.spring;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Two tools: one any authenticated caller may use, one that needs the scope mcp:admin. */
@Component
public class PeerTools {

    @Tool(name = "whoami", description = "The caller's subject")
    public String whoami() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    @Tool(name = "admin_stats", description = "Server statistics; needs the scope mcp:admin")
    @PreAuthorize("hasAuthority('SCOPE_mcp:admin')")
    public String adminStats() {
        return "uptime-ms=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
