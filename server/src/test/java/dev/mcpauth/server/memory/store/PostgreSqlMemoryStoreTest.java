package dev.mcpauth.server.memory.store;

import java.io.IOException;
import java.util.Optional;

import dev.mcpauth.server.config.StoreSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL (zonky's embedded binaries: no Docker, no install). */
class PostgreSqlMemoryStoreTest extends MemoryStoreContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    StoreSettings settings() {
        return new StoreSettings.PostgreSql(postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"),
                                            Optional.empty());
    }
}
