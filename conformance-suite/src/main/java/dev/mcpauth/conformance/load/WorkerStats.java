package dev.mcpauth.conformance.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What one worker saw in one phase. Not thread-safe: each worker has its own, and the phase merges
 * them at the end ({@link #add}), so recording a request takes no lock.
 */
final class WorkerStats {
    /** Latencies in microseconds, up to 10 minutes, 3 significant digits. */
    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
    static final int MAX_EXAMPLES = 10;

    final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    final Map<Integer, Long> statuses = new TreeMap<>();
    final Map<TokenKind, long[]> byKind = new EnumMap<>(TokenKind.class);
    final List<String> wrongExamples = new ArrayList<>();
    final List<String> errorExamples = new ArrayList<>();
    long requests;

    /** Counter slots in {@link #byKind}. */
    static final int SENT = 0;
    static final int CORRECT = 1;
    static final int WRONG = 2;
    static final int ERROR = 3;

    void record(TokenKind kind, WireResponse r, long nanos) {
        requests++;
        latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
        statuses.merge(r.status(), 1L, Long::sum);
        long[] counts = byKind.computeIfAbsent(kind, k -> new long[4]);
        counts[SENT]++;
        Decision d = Decision.judge(kind, r.status());
        switch (d) {
            case CORRECT -> counts[CORRECT]++;
            case WRONG -> {
                counts[WRONG]++;
                example(wrongExamples, kind.key() + " answered " + r.status());
            }
            case ERROR -> {
                counts[ERROR]++;
                example(errorExamples, kind.key() + ": " + (r.answered() ? "answered " + r.status() : r.error()));
            }
        }
    }

    private static void example(List<String> list, String text) {
        if (list.size() < MAX_EXAMPLES && !list.contains(text)) {
            list.add(text);
        }
    }

    void add(WorkerStats other) {
        requests += other.requests;
        latencyMicros.add(other.latencyMicros);
        other.statuses.forEach((s, n) -> statuses.merge(s, n, Long::sum));
        other.byKind.forEach((k, c) -> {
            long[] mine = byKind.computeIfAbsent(k, x -> new long[4]);
            for (int i = 0; i < c.length; i++) {
                mine[i] += c[i];
            }
        });
        other.wrongExamples.forEach(e -> example(wrongExamples, e));
        other.errorExamples.forEach(e -> example(errorExamples, e));
    }

    long count(TokenKind kind, int slot) {
        long[] c = byKind.get(kind);
        return c == null ? 0 : c[slot];
    }

    long total(int slot) {
        return byKind.values().stream().mapToLong(c -> c[slot]).sum();
    }
}
