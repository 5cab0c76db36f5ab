package dev.mcpauth.server.mcp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.mcpauth.server.auth.SessionOwner;
import dev.mcpauth.server.support.MutableClock;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Session limits (RS-69): one principal's sessions never push out another principal's. */
class McpSessionsTest {

    private static final SessionOwner ALICE = new SessionOwner("https://as.test", "alice", Optional.of("c1"));
    private static final SessionOwner MALLORY = new SessionOwner("https://as.test", "mallory", Optional.of("c2"));

    @Test
    void rs69_aPrincipalOpeningManySessionsEvictsOnlyItsOwnOldest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        McpSessions sessions = new McpSessions(clock);
        String alice = sessions.create(ALICE, "2025-06-18", JsonValue.EMPTY_JSON_OBJECT).id();
        clock.advance(Duration.ofSeconds(1));
        String mallorysFirst = sessions.create(MALLORY, "2025-06-18", JsonValue.EMPTY_JSON_OBJECT).id();
        for (int i = 0; i < McpSessions.MAX_SESSIONS; i++) {
            clock.advance(Duration.ofMillis(1));
            sessions.create(MALLORY, "2025-06-18", JsonValue.EMPTY_JSON_OBJECT);
        }
        assertThat("alice's session survives", sessions.find(alice, ALICE).isPresent(), is(true));
        assertThat("mallory's oldest made room", sessions.find(mallorysFirst, MALLORY).isPresent(), is(false));
    }
}
