package dev.mcpauth.server.compat;

import dev.mcpauth.server.memory.domain.Owner;

import java.util.Objects;

/**
 * The opt-in legacy listener for MCP clients that do not speak OAuth ({@code mcp.compat.*}): where it
 * listens (always a loopback address, never the OAuth port) and the one local user it serves.
 *
 * @param host  the loopback address it binds to
 * @param port  its TCP port (0: any free port, for tests)
 * @param owner the local user every call acts as
 */
public record CompatSettings(String host, int port, Owner owner) {
    public CompatSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(owner, "owner");
    }
}
