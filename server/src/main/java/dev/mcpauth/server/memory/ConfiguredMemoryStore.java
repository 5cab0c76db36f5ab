package dev.mcpauth.server.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.config.SettingsSource;
import dev.mcpauth.server.config.StoreSettings;
import dev.mcpauth.server.config.StoreSettingsReader;
import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.NewMemory;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.SearchHit;
import dev.mcpauth.server.memory.store.MemoryDatabase;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.memory.store.MemoryStoreException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * The HTTP server's store, as configured by {@code mcp.store.*}. The database is opened and
 * migrated on the first memory call, not at startup, so a server whose clients never use memory
 * never creates files; if opening fails (PostgreSQL down) the call is answered "store
 * unavailable" and the next call tries again.
 */
@ApplicationScoped
public class ConfiguredMemoryStore implements MemoryStore {

    private static final Logger LOGGER = Logger.getLogger(ConfiguredMemoryStore.class.getName());

    private final StoreSettings settings;
    private Optional<MemoryStore> open = Optional.empty();

    @Inject
    public ConfiguredMemoryStore(Config config) {
        this.settings = StoreSettingsReader.read(SettingsSource.of(config));
    }

    private synchronized MemoryStore store() {
        if (open.isEmpty()) {
            try {
                open = Optional.of(MemoryDatabase.open(settings));
            } catch (MemoryStoreException e) {
                LOGGER.log(Level.WARNING, e.getMessage(), e.getCause());
                throw e;
            }
        }
        return open.get();
    }

    @Override
    public Memory add(Owner owner, NewMemory memory, Instant now) {
        return store().add(owner, memory, now);
    }

    @Override
    public Optional<Memory> get(Owner owner, MemoryId id) {
        return store().get(owner, id);
    }

    @Override
    public List<Memory> list(Owner owner, int limit, int offset) {
        return store().list(owner, limit, offset);
    }

    @Override
    public List<SearchHit> search(Owner owner, String query, int limit) {
        return store().search(owner, query, limit);
    }

    @Override
    public boolean delete(Owner owner, MemoryId id) {
        return store().delete(owner, id);
    }

    @Override
    public long count(Owner owner) {
        return store().count(owner);
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        open.ifPresent(MemoryStore::close);
        open = Optional.empty();
    }
}
