package dev.mcpauth.server.mcp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.mcpauth.server.auth.SessionOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Streamable HTTP sessions (2025-06-18, 2025-11-25). IDs are 256 random bits, base64url: visible
 * ASCII and not guessable (RS-69). A session is bound to its {@link SessionOwner}; an ID
 * presented by anyone else is treated exactly like an unknown one, so its existence is not
 * revealed. Holding a session ID never authenticates: every request still carries a token
 * (RS-35). Idle sessions expire; a principal holds at most {@value #MAX_SESSIONS_PER_OWNER}, its
 * least recently used one ending when it opens another.
 */
@ApplicationScoped
public class McpSessions {

    static final Duration IDLE_TIMEOUT = Duration.ofHours(1);
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_SESSIONS_PER_OWNER = 100;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public McpSessions(Clock clock) {
        this.clock = clock;
    }

    public McpSession create(SessionOwner owner, String protocolVersion, JsonObject clientCapabilities) {
        evictIdle();
        makeRoom(s -> s.owner().equals(owner), MAX_SESSIONS_PER_OWNER);
        makeRoom(s -> true, MAX_SESSIONS);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        McpSession session = new McpSession(id, owner, protocolVersion, clock.instant(), clientCapabilities, Optional.empty());
        sessions.put(id, session);
        return session;
    }

    /** The session with this ID if it exists, is not idle-expired and belongs to {@code owner}. */
    public Optional<McpSession> find(String id, SessionOwner owner) {
        Instant now = clock.instant();
        return Optional.ofNullable(sessions.get(id))
                .filter(s -> s.owner().equals(owner))
                .filter(s -> !isIdle(s, now))
                .map(s -> {
                    McpSession touched = s.touchedAt(now);
                    sessions.replace(id, s, touched);
                    return touched;
                });
    }

    /** Records the {@code logging/setLevel} of the caller's own session; {@code false} if there is none. */
    public boolean setLogLevel(String id, SessionOwner owner, String level) {
        return find(id, owner).map(s -> sessions.replace(id, s, s.withLogLevel(level))).orElse(false);
    }

    /** Ends the caller's own session; {@code false} if there is no such session for this owner. */
    public boolean end(String id, SessionOwner owner) {
        return find(id, owner).map(s -> sessions.remove(id) != null).orElse(false);
    }

    public int activeCount() {
        evictIdle();
        return sessions.size();
    }

    /**
     * Ends the least recently used of the sessions {@code among} selects once they number
     * {@code limit}. The per-owner limit comes first, so a principal that keeps calling
     * {@code initialize} only ends its own sessions, never another principal's (RS-69).
     */
    private void makeRoom(Predicate<McpSession> among, int limit) {
        List<McpSession> selected = sessions.values().stream().filter(among).toList();
        if (selected.size() >= limit) {
            selected.stream().min(Comparator.comparing(McpSession::lastUsed)).ifPresent(oldest -> sessions.remove(oldest.id()));
        }
    }

    private void evictIdle() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> isIdle(s, now));
    }

    private static boolean isIdle(McpSession session, Instant now) {
        return session.lastUsed().plus(IDLE_TIMEOUT).isBefore(now);
    }

    /**
     * One session: who owns it, the negotiated protocol version, when it was last used, the
     * capabilities the client declared at {@code initialize} and the log level it asked for.
     */
    public record McpSession(String id, SessionOwner owner, String protocolVersion, Instant lastUsed,
                             JsonObject clientCapabilities, Optional<String> logLevel) {

        McpSession touchedAt(Instant when) {
            return new McpSession(id, owner, protocolVersion, when, clientCapabilities, logLevel);
        }

        McpSession withLogLevel(String level) {
            return new McpSession(id, owner, protocolVersion, lastUsed, clientCapabilities, Optional.of(level));
        }
    }
}
