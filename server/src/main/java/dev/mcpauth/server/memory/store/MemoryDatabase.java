package dev.mcpauth.server.memory.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.Logger;

import javax.sql.ConnectionPoolDataSource;

import dev.mcpauth.server.config.StoreSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Opens the configured database, brings its schema up to date with Flyway
 * ({@code db/migration}), and returns the store. The connections come from H2's small
 * {@link JdbcConnectionPool} (already on the class path for the embedded store), which pools the
 * driver's own {@link ConnectionPoolDataSource} for both databases.
 */
public final class MemoryDatabase {

    static final int MAX_CONNECTIONS = 8;
    static final int LOGIN_TIMEOUT_SECONDS = 10;
    /** The H2 file is {@code <directory>/memories.mv.db}. */
    static final String H2_FILE_NAME = "memories";

    private static final Logger LOGGER = Logger.getLogger(MemoryDatabase.class.getName());

    private MemoryDatabase() {
    }

    /** An open, migrated store; the caller closes it. */
    public static MemoryStore open(StoreSettings settings) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(driverSource(settings));
        pool.setMaxConnections(MAX_CONNECTIONS);
        pool.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try {
            Flyway.configure(MemoryDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new MemoryStoreException("could not open or migrate the memory store " + describe(settings), e);
        }
        LOGGER.info(() -> "memory store open: " + describe(settings));
        return new JdbcMemoryStore(pool, pool::dispose);
    }

    /** What the log shows about the store: never a password. */
    static String describe(StoreSettings settings) {
        return switch (settings) {
            case StoreSettings.H2 h2 -> "H2 in " + h2.directory();
            case StoreSettings.PostgreSql pg -> "PostgreSQL at " + pg.jdbcUrl().replaceFirst("\\?.*", "?...");
        };
    }

    private static ConnectionPoolDataSource driverSource(StoreSettings settings) {
        return switch (settings) {
            case StoreSettings.H2 h2 -> h2(h2);
            case StoreSettings.PostgreSql pg -> postgreSql(pg);
        };
    }

    /**
     * An embedded, file-backed database. {@code WRITE_DELAY=0} writes each commit to the file at
     * once, so a committed memory survives {@code kill -9} of the server.
     */
    private static ConnectionPoolDataSource h2(StoreSettings.H2 settings) {
        try {
            Files.createDirectories(settings.directory());
        } catch (IOException e) {
            throw new MemoryStoreException("could not create the memory store directory " + settings.directory(), e);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + settings.directory().resolve(H2_FILE_NAME) + ";WRITE_DELAY=0");
        source.setUser("mcp");
        source.setPassword("");
        return source;
    }

    private static ConnectionPoolDataSource postgreSql(StoreSettings.PostgreSql settings) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(settings.jdbcUrl());
        settings.user().ifPresent(source::setUser);
        settings.password().ifPresent(source::setPassword);
        source.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return source;
    }
}
