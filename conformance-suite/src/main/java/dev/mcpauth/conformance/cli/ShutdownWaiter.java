package dev.mcpauth.conformance.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the process is asked to stop, then runs its clean-up. */
@FunctionalInterface
public interface ShutdownWaiter {

    /** Waits for SIGTERM or Ctrl-C (a JVM shutdown), running {@code onStop} before the JVM exits. */
    ShutdownWaiter UNTIL_JVM_SHUTDOWN = onStop -> {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            stopped.countDown();
        }, "issuer-shutdown"));
        stopped.await();
    };

    void await(Runnable onStop) throws InterruptedException;
}
