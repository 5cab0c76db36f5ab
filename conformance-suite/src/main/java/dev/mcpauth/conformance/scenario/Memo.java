package dev.mcpauth.conformance.scenario;

import java.util.function.Supplier;

/** A value computed once, on first use (facts learned from the target are shared by scenarios). */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;
    private boolean done;

    Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (!done) {
            value = compute.get();
            done = true;
        }
        return value;
    }
}
