package dev.mcpauth.conformance.junit;

import java.util.Optional;
import java.util.function.Supplier;

/** Computes its value the first time it is asked, once, even when tests run in parallel; a failure is kept too. */
final class OnceSupplier<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private Optional<T> value = Optional.empty();
    private Optional<RuntimeException> failure = Optional.empty();

    OnceSupplier(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (value.isEmpty() && failure.isEmpty()) {
            try {
                value = Optional.of(compute.get());
            } catch (RuntimeException e) {
                failure = Optional.of(e);
            }
        }
        if (failure.isPresent()) {
            throw failure.get();
        }
        return value.orElseThrow();
    }
}
