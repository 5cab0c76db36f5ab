package dev.mcpauth.server.memory.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.mcpauth.server.config.StoreSettings;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.MemoryRules;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.SearchHit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against H2 ({@link H2MemoryStoreTest}) and PostgreSQL
 * ({@link PostgreSqlMemoryStoreTest}). Each test works for fresh owners, so tests share a database.
 */
abstract class MemoryStoreContract {

    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30.123456789Z");

    private final Owner alice = new Owner("https://issuer.example", "alice-" + UUID.randomUUID());
    private final Owner bob = new Owner("https://issuer.example", "bob-" + UUID.randomUUID());
    private MemoryStore store;

    abstract StoreSettings settings();

    @BeforeEach
    void open() {
        store = MemoryDatabase.open(settings());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void addedMemoryReadsBackExactlyWithMicrosecondTime() throws InvalidMemoryException {
        Memory added = store.add(alice, MemoryRules.newMemory("Buy oat milk", List.of("shopping", "home")), NOW);
        Optional<Memory> read = store.get(alice, added.id());
        assertThat(read.isPresent(), is(true));
        assertThat(read.get(), is(added));
        assertThat(read.get().createdAt(), is(NOW.truncatedTo(ChronoUnit.MICROS)));
        assertThat(read.get().tags(), contains("shopping", "home"));
    }

    @Test
    void anotherOwnerCanNeitherGetListSearchNorDeleteIt() throws InvalidMemoryException {
        Memory secret = store.add(alice, MemoryRules.newMemory("alice's secret plan", List.of("plan")), NOW);
        Owner sameSubjectOtherIssuer = new Owner("https://other-issuer.example", alice.subject());
        for (Owner other : List.of(bob, sameSubjectOtherIssuer)) {
            assertThat(store.get(other, secret.id()), is(Optional.empty()));
            assertThat(store.list(other, 100, 0), is(empty()));
            assertThat(store.search(other, "secret plan", 50), is(empty()));
            assertThat(store.count(other), is(0L));
            assertThat(store.delete(other, secret.id()), is(false));
        }
        assertThat("nothing of alice's was touched", store.get(alice, secret.id()), is(Optional.of(secret)));
    }

    @Test
    void listIsNewestFirstAndPages() throws InvalidMemoryException {
        Memory first = store.add(alice, MemoryRules.newMemory("first", List.of()), NOW);
        Memory second = store.add(alice, MemoryRules.newMemory("second", List.of()), NOW.plusSeconds(1));
        Memory third = store.add(alice, MemoryRules.newMemory("third", List.of()), NOW.plusSeconds(2));
        assertThat(store.list(alice, 10, 0), contains(third, second, first));
        assertThat(store.list(alice, 2, 1), contains(second, first));
        assertThat(store.count(alice), is(3L));
    }

    @Test
    void searchRanksBestFirstAndLeavesOutWhatDoesNotMatch() throws InvalidMemoryException {
        Memory once = store.add(alice, MemoryRules.newMemory("The garden needs water", List.of()), NOW);
        Memory tagged = store.add(alice, MemoryRules.newMemory("Tomatoes in the garden, water daily", List.of("garden")),
                                  NOW.plusSeconds(1));
        store.add(alice, MemoryRules.newMemory("Dentist on Tuesday", List.of("health")), NOW.plusSeconds(2));
        List<SearchHit> hits = store.search(alice, "Garden water", 10);
        assertThat(hits.stream().map(SearchHit::memory).toList(), contains(tagged, once));
        assertThat(hits.get(0).score() > hits.get(1).score(), is(true));
        assertThat(store.search(alice, "garden", 1).stream().map(SearchHit::memory).toList(), contains(tagged));
        assertThat(store.search(alice, "volcano", 10), is(empty()));
    }

    @Test
    void sqlAndLikeMetacharactersAreJustText() throws InvalidMemoryException {
        Memory injection = store.add(alice, MemoryRules.newMemory("'; DROP TABLE memory; --", List.of("x' OR '1'='1")), NOW);
        Memory percent = store.add(alice, MemoryRules.newMemory("100% sure_thing [a-z]* \\ ! $1", List.of()), NOW.plusSeconds(1));
        store.add(alice, MemoryRules.newMemory("plain words only", List.of()), NOW.plusSeconds(2));
        assertThat(store.get(alice, injection.id()), is(Optional.of(injection)));
        assertThat(store.search(alice, "%", 10).stream().map(SearchHit::memory).toList(), contains(percent));
        assertThat(store.search(alice, "_", 10).stream().map(SearchHit::memory).toList(), contains(percent));
        assertThat(store.search(alice, "!", 10).stream().map(SearchHit::memory).toList(), contains(percent));
        assertThat("the injection's own words rank it first", store.search(alice, "' OR '1'='1", 10).getFirst().memory(),
                   is(injection));
        assertThat("the table is still there with every row", store.count(alice), is(3L));
    }

    @Test
    void unicodeAndTheLongestTextRoundTrip() throws InvalidMemoryException {
        String longest = "😀".repeat(MemoryRules.MAX_TEXT_CODE_POINTS);
        Memory emoji = store.add(alice, MemoryRules.newMemory(longest, List.of("表情")), NOW);
        Memory chinese = store.add(alice, MemoryRules.newMemory("明天记得买牛奶 — café naïve Ünïcödé", List.of()), NOW.plusSeconds(1));
        assertThat(store.get(alice, emoji.id()).orElseThrow().text(), is(longest));
        assertThat(store.get(alice, chinese.id()), is(Optional.of(chinese)));
        assertThat(store.search(alice, "牛奶", 10).stream().map(SearchHit::memory).toList(), contains(chinese));
        assertThat(store.search(alice, "ÜNÏCÖDÉ", 10).stream().map(SearchHit::memory).toList(), contains(chinese));
        assertThat(store.search(alice, "表情", 10).stream().map(SearchHit::memory).toList(), contains(emoji));
    }

    @Test
    void deleteRemovesThatMemoryOnlyAndOnce() throws InvalidMemoryException {
        Memory gone = store.add(alice, MemoryRules.newMemory("to forget", List.of()), NOW);
        Memory kept = store.add(alice, MemoryRules.newMemory("to keep", List.of()), NOW.plusSeconds(1));
        assertThat(store.delete(alice, gone.id()), is(true));
        assertThat(store.delete(alice, gone.id()), is(false));
        assertThat(store.delete(alice, MemoryId.random()), is(false));
        assertThat(store.list(alice, 10, 0), contains(kept));
    }

    @Test
    void memoriesOutliveTheStoreAndMigrationsRunOnce() throws InvalidMemoryException {
        Memory added = store.add(alice, MemoryRules.newMemory("still here after reopening", List.of()), NOW);
        store.close();
        store = MemoryDatabase.open(settings());
        assertThat(store.get(alice, added.id()), is(Optional.of(added)));
    }
}
