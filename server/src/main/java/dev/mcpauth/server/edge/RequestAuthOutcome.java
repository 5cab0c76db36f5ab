package dev.mcpauth.server.edge;

import java.util.Optional;

import dev.mcpauth.server.auth.AuthDecision;
import dev.mcpauth.server.auth.BearerRejection;
import io.helidon.common.context.Contexts;

/**
 * How the bearer edge decided one {@code /mcp} request: what the request asked for (its
 * {@link RequestPeek}), the authentication outcome, then the authorization outcome, and how to
 * refuse it if it is refused. The pieces that decide run in different places (a JAX-RS filter,
 * Helidon's security provider and response mapper, the transports), so the outcome travels in
 * Helidon's request context.
 * <p>
 * Its life: {@link McpEdgeFilter} opens it; {@link McpBearerProvider} records authentication;
 * {@link ScopeGate} records authorization; {@link BearerChallengeMapper} reads the rejection;
 * {@link McpResponseFilter} logs the final decision.
 */
public final class RequestAuthOutcome {

    private final RequestPeek peek;
    private volatile Optional<AuthDecision> decision = Optional.empty();
    private volatile Optional<BearerRejection> rejection = Optional.empty();

    private RequestAuthOutcome(RequestPeek peek) {
        this.peek = peek;
    }

    /** Starts the outcome of the current request; outside a request context nothing is kept. */
    static void open(RequestPeek peek) {
        Contexts.context().ifPresent(context -> context.register(new RequestAuthOutcome(peek)));
    }

    /** The outcome of the current request, if {@link McpEdgeFilter} opened one. */
    static Optional<RequestAuthOutcome> current() {
        return Contexts.context().flatMap(context -> context.get(RequestAuthOutcome.class));
    }

    RequestPeek peek() {
        return peek;
    }

    void authenticated(AuthDecision allowed) {
        this.decision = Optional.of(allowed);
    }

    void refused(AuthDecision denied, BearerRejection rejection) {
        this.decision = Optional.of(denied);
        this.rejection = Optional.of(rejection);
    }

    /** The scope decision replaces the authentication one: it is the request's final word. */
    void authorized(AuthDecision scopeDecision) {
        this.decision = Optional.of(scopeDecision);
    }

    /** How authentication wants this request refused, if it does. */
    Optional<BearerRejection> rejection() {
        return rejection;
    }

    /** The latest decision, with the call it concerned. */
    Optional<AuthDecision> decision() {
        return decision.map(d -> d.forCall(peek.method(), peek.tool()));
    }
}
