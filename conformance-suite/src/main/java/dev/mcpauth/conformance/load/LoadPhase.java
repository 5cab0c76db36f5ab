package dev.mcpauth.conformance.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs every worker on its own virtual thread for one phase (warm-up or measured) and merges what they saw. */
final class LoadPhase {
    private LoadPhase() {
    }

    /**
     * What a phase measured.
     *
     * @param stats   every worker's counts, merged
     * @param elapsed from the start of the phase until the last worker finished
     */
    record Outcome(WorkerStats stats, Duration elapsed) {
    }

    static Outcome run(List<LoadWorker> workers, Duration duration, Optional<Long> requests) throws LoadSetupException {
        Optional<AtomicLong> budget = requests.map(AtomicLong::new);
        long start = System.nanoTime();
        // With a request budget the duration is only a safety limit.
        long deadline = start + (requests.isPresent() ? Duration.ofDays(1) : duration).toNanos();
        List<Future<WorkerStats>> running = new ArrayList<>();
        WorkerStats merged = new WorkerStats();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LoadWorker w : workers) {
                running.add(threads.submit(() -> w.run(deadline, budget)));
            }
            for (Future<WorkerStats> f : running) {
                merged.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadSetupException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoadSetupException setup) {
                throw setup;
            }
            throw new IllegalStateException("a load worker failed", e.getCause());
        }
        return new Outcome(merged, Duration.ofNanos(System.nanoTime() - start));
    }
}
