package dev.mcpauth.server.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where memories are kept ({@code mcp.store}): an embedded H2 database in a directory (the
 * default; one server instance), or a PostgreSQL database that several instances share.
 */
public sealed interface StoreSettings {

    /** {@code mcp.store=h2}: files under {@code directory}, created when missing. */
    record H2(Path directory) implements StoreSettings {
    }

    /**
     * {@code mcp.store=postgresql}: a {@code jdbc:postgresql://} URL and optional credentials.
     * The password is never shown by {@link #toString()}.
     */
    record PostgreSql(String jdbcUrl, Optional<String> user, Optional<String> password) implements StoreSettings {

        @Override
        public String toString() {
            return "PostgreSql[jdbcUrl=" + jdbcUrl + ", user=" + user.orElse("") + ", password="
                    + (password.isPresent() ? "(set)" : "(none)") + "]";
        }
    }
}
