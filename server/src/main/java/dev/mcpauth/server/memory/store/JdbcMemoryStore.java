package dev.mcpauth.server.memory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.NewMemory;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.Ranking;
import dev.mcpauth.server.memory.domain.SearchHit;

/**
 * The store on any database the migrations run on (H2 and PostgreSQL). Every value travels as a
 * bound parameter; search narrows the owner's rows with {@code LIKE} on a case-folded copy of text
 * and tags and ranks the candidates in Java with {@link Ranking}, so both databases rank alike.
 */
public final class JdbcMemoryStore implements MemoryStore {

    /** At most this many of the newest matching rows are ranked per search. */
    static final int MAX_CANDIDATES = 500;
    /** Tags are stored joined by a character that {@code MemoryRules} never lets into a tag. */
    private static final String TAG_SEPARATOR = "\n";
    private static final String COLUMNS = "id, body, tags, created_at";
    private static final String OWNED = "owner_issuer = ? AND owner_subject = ?";

    private final DataSource dataSource;
    private final AutoCloseable closer;

    /**
     * @param dataSource a migrated database
     * @param closer     what {@link #close()} releases (the pool)
     */
    public JdbcMemoryStore(DataSource dataSource, AutoCloseable closer) {
        this.dataSource = dataSource;
        this.closer = closer;
    }

    @Override
    public Memory add(Owner owner, NewMemory memory, Instant now) {
        Memory stored = new Memory(MemoryId.random(), memory.text(), memory.tags(), now.truncatedTo(ChronoUnit.MICROS));
        String sql = "INSERT INTO memory (id, owner_issuer, owner_subject, body, tags, search_text, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, stored.id().value());
            insert.setString(2, owner.issuer());
            insert.setString(3, owner.subject());
            insert.setString(4, stored.text());
            insert.setString(5, String.join(TAG_SEPARATOR, stored.tags()));
            insert.setString(6, Ranking.fold(stored.text() + TAG_SEPARATOR + String.join(TAG_SEPARATOR, stored.tags())));
            insert.setObject(7, OffsetDateTime.ofInstant(stored.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
            return stored;
        } catch (SQLException e) {
            throw new MemoryStoreException("could not store a memory", e);
        }
    }

    @Override
    public Optional<Memory> get(Owner owner, MemoryId id) {
        String sql = "SELECT " + COLUMNS + " FROM memory WHERE id = ? AND " + OWNED;
        return query("could not read a memory", sql, List.of(id.value(), owner.issuer(), owner.subject())).stream().findFirst();
    }

    @Override
    public List<Memory> list(Owner owner, int limit, int offset) {
        String sql = "SELECT " + COLUMNS + " FROM memory WHERE " + OWNED + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
        return query("could not list memories", sql, List.of(owner.issuer(), owner.subject(), limit, offset));
    }

    @Override
    public List<SearchHit> search(Owner owner, String query, int limit) {
        List<String> terms = Ranking.terms(query);
        List<String> patterns = terms.isEmpty() ? List.of(Ranking.fold(query.strip())) : terms;
        String anyPattern = String.join(" OR ", patterns.stream().map(p -> "search_text LIKE ? ESCAPE '!'").toList());
        String sql = "SELECT " + COLUMNS + " FROM memory WHERE " + OWNED + " AND (" + anyPattern + ")"
                + " ORDER BY created_at DESC, id DESC LIMIT " + MAX_CANDIDATES;
        List<Object> parameters = new ArrayList<>(List.of(owner.issuer(), owner.subject()));
        patterns.forEach(p -> parameters.add("%" + escapeLike(p) + "%"));
        return query("could not search memories", sql, parameters).stream()
                .map(memory -> new SearchHit(memory, Ranking.score(memory, query)))
                .filter(hit -> hit.score() > 0)
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public boolean delete(Owner owner, MemoryId id) {
        String sql = "DELETE FROM memory WHERE id = ? AND " + OWNED;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            bind(delete, List.of(id.value(), owner.issuer(), owner.subject()));
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new MemoryStoreException("could not delete a memory", e);
        }
    }

    @Override
    public long count(Owner owner) {
        String sql = "SELECT COUNT(*) FROM memory WHERE " + OWNED;
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(sql)) {
            bind(count, List.of(owner.issuer(), owner.subject()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new MemoryStoreException("could not count memories", e);
        }
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new MemoryStoreException("could not close the store", e);
        }
    }

    private List<Memory> query(String failure, String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            List<Memory> memories = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    memories.add(memory(rows));
                }
            }
            return memories;
        } catch (SQLException e) {
            throw new MemoryStoreException(failure, e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static Memory memory(ResultSet row) throws SQLException {
        String tags = row.getString("tags");
        return new Memory(new MemoryId(row.getString("id")), row.getString("body"),
                          tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR)),
                          row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** {@code LIKE} with {@code ESCAPE '!'}: the pattern characters of the client's text match literally. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
