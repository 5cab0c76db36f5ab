package dev.mcpauth.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rate-limits an introspection outage: after a failed call, requests fail closed without calling
 * the endpoint until {@code retryInterval} has passed, so an outage (or a flood of tokens during
 * one) costs the authorization server at most one call per interval. {@link #failed()} tells
 * whether this failure opened a new window, so it is logged once per window, not per request.
 */
final class IntrospectionOutage {

    private final Clock clock;
    private final Duration retryInterval;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    IntrospectionOutage(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** Whether a call may be made now. */
    boolean mayCall() {
        return !clock.instant().isBefore(closedUntil.get());
    }

    /** Records a failure; {@code true} when it starts a new window (log it). */
    boolean failed() {
        Instant now = clock.instant();
        Instant before = closedUntil.getAndSet(now.plus(retryInterval));
        return !now.isBefore(before);
    }

    void succeeded() {
        closedUntil.set(Instant.MIN);
    }
}
