package dev.mcpauth.conformance.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connection's client: its MCP session (opened with its own good token), its place in the
 * mix's schedule, and its request ids. Runs on one virtual thread per phase.
 */
final class LoadWorker {
    private final McpWire wire;
    private final McpWire.Session session;
    private final LoadTokens tokens;
    private final Map<TokenKind, Optional<String>> badTokens;
    private final List<TokenKind> schedule;
    private final String tool;
    private final Clock clock;
    private final Duration refreshAfter;
    private String goodToken;
    private Instant goodMinted;
    private int next;
    private long id = 1;

    LoadWorker(McpWire wire, McpWire.Session session, LoadTokens tokens, String goodToken, Instant goodMinted,
               Map<TokenKind, Optional<String>> badTokens, List<TokenKind> schedule, int offset, String tool,
               Clock clock, Duration refreshAfter) {
        this.wire = wire;
        this.session = session;
        this.tokens = tokens;
        this.goodToken = goodToken;
        this.goodMinted = goodMinted;
        this.badTokens = badTokens;
        this.schedule = schedule;
        this.next = offset % schedule.size();
        this.tool = tool;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
    }

    /**
     * Sends until {@code deadline} (nanoTime) or until {@code budget} runs out.
     *
     * @param budget requests left for all workers together, when the phase is limited by a count
     */
    WorkerStats run(long deadline, Optional<java.util.concurrent.atomic.AtomicLong> budget) throws LoadSetupException {
        WorkerStats stats = new WorkerStats();
        while (System.nanoTime() < deadline && budget.map(b -> b.getAndDecrement() > 0).orElse(true)) {
            TokenKind kind = schedule.get(next);
            next = (next + 1) % schedule.size();
            Optional<String> token = kind == TokenKind.GOOD ? Optional.of(good()) : badTokens.get(kind);
            String body = wire.callBody(tool, id++);
            long start = System.nanoTime();
            WireResponse r = wire.call(session, body, token, tool);
            stats.record(kind, r, System.nanoTime() - start);
        }
        return stats;
    }

    /** The worker's good token, re-minted well before it expires (a long run outlives a token). */
    private String good() throws LoadSetupException {
        Instant now = clock.instant();
        if (Duration.between(goodMinted, now).compareTo(refreshAfter) > 0) {
            goodToken = tokens.mint(TokenKind.GOOD).orElseThrow();
            goodMinted = now;
        }
        return goodToken;
    }
}
