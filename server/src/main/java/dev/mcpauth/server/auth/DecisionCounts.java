package dev.mcpauth.server.auth;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every auth decision, counted by outcome and reason, whether or not its log line is written:
 * allowed decisions are logged only at {@code FINE}, so the counts are where they stay visible
 * ({@code server_status}).
 */
public final class DecisionCounts {

    private final LongAdder allowed = new LongAdder();
    private final LongAdder denied = new LongAdder();
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    void count(AuthDecision decision) {
        (decision.allowed() ? allowed : denied).increment();
        byReason.computeIfAbsent(decision.reason(), k -> new LongAdder()).increment();
    }

    public long allowed() {
        return allowed.sum();
    }

    public long denied() {
        return denied.sum();
    }

    /** Decision counts by reason code, sorted by reason. */
    public Map<String, Long> byReason() {
        Map<String, Long> snapshot = new TreeMap<>();
        byReason.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }
}
