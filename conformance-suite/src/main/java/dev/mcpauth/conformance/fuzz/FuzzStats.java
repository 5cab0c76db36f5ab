package dev.mcpauth.conformance.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a run saw, counted per family; thread-safe. */
public final class FuzzStats {
    /** Counts of one family. */
    public static final class Family {
        public long sent;
        public long noAnswer;
        public final Map<Integer, Long> statuses = new TreeMap<>();
        public final Map<Finding.Kind, Long> findings = new EnumMap<>(Finding.Kind.class);
    }

    private final Map<FuzzFamily, Family> families = new EnumMap<>(FuzzFamily.class);
    private final Map<Finding.Kind, Finding> smallest = new EnumMap<>(Finding.Kind.class);
    private final List<String> examples = new ArrayList<>();
    private Optional<FuzzRequest> smallestUnanswered = Optional.empty();

    public FuzzStats() {
        for (FuzzFamily f : FuzzFamily.values()) {
            families.put(f, new Family());
        }
    }

    synchronized void answered(FuzzRequest request, int status) {
        Family f = families.get(request.family());
        f.sent++;
        f.statuses.merge(status, 1L, Long::sum);
    }

    synchronized void unanswered(FuzzRequest request) {
        Family f = families.get(request.family());
        f.sent++;
        f.noAnswer++;
        if (smallestUnanswered.isEmpty() || request.size() < smallestUnanswered.get().size()) {
            smallestUnanswered = Optional.of(request);
        }
    }

    /** The smallest request that got no answer while the server kept answering others: not a failure, worth a look. */
    public synchronized Optional<FuzzRequest> smallestUnanswered() {
        return smallestUnanswered;
    }

    synchronized void found(Finding finding) {
        families.get(finding.request().family()).findings.merge(finding.kind(), 1L, Long::sum);
        smallest.merge(finding.kind(), finding, (a, b) -> b.request().size() < a.request().size() ? b : a);
        if (examples.size() < 10) {
            examples.add(finding.kind() + " #" + finding.request().index() + " " + finding.request().family().key()
                    + ": " + finding.detail());
        }
    }

    public synchronized Map<FuzzFamily, Family> families() {
        return families;
    }

    public synchronized long total(java.util.function.ToLongFunction<Family> count) {
        return families.values().stream().mapToLong(count).sum();
    }

    public synchronized long findings(Finding.Kind kind) {
        return families.values().stream().mapToLong(f -> f.findings.getOrDefault(kind, 0L)).sum();
    }

    public synchronized long fiveXx() {
        return families.values().stream().flatMap(f -> f.statuses.entrySet().stream())
                .filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }

    /** The smallest failing request over every kind. */
    public synchronized Optional<Finding> smallestFailure() {
        return smallest.values().stream().min((a, b) -> Integer.compare(a.request().size(), b.request().size()));
    }

    public synchronized Map<Finding.Kind, Finding> smallestPerKind() {
        return Map.copyOf(smallest);
    }

    public synchronized List<String> examples() {
        return List.copyOf(examples);
    }
}
