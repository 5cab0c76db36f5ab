package dev.mcpauth.server.memory.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.NewMemory;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.SearchHit;

/**
 * Memories per owner. Every operation takes the owner and touches only that owner's rows: an id
 * that belongs to someone else is answered exactly like an id that does not exist.
 * Failures of the database are {@link MemoryStoreException}s.
 */
public interface MemoryStore extends AutoCloseable {

    Memory add(Owner owner, NewMemory memory, Instant now);

    Optional<Memory> get(Owner owner, MemoryId id);

    /** Newest first. */
    List<Memory> list(Owner owner, int limit, int offset);

    /** Best first (see {@link dev.mcpauth.server.memory.domain.Ranking}), newest first among equals. */
    List<SearchHit> search(Owner owner, String query, int limit);

    /** Whether the owner had a memory with this id (now deleted). */
    boolean delete(Owner owner, MemoryId id);

    long count(Owner owner);

    @Override
    void close();
}
