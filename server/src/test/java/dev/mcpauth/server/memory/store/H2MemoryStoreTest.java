package dev.mcpauth.server.memory.store;

import java.nio.file.Path;

import dev.mcpauth.server.config.StoreSettings;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the default store: an embedded H2 database in a directory. */
class H2MemoryStoreTest extends MemoryStoreContract {

    @TempDir
    static Path directory;

    @Override
    StoreSettings settings() {
        return new StoreSettings.H2(directory);
    }
}
