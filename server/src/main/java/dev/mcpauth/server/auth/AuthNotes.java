package dev.mcpauth.server.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;

/**
 * Per-request notes shared by the pieces that run for one {@code /mcp} request in different
 * places: the pre-matching edge filter (what the body says), the Helidon security provider
 * (the authentication decision), the MCP resource (the scope decision) and the response filter
 * that logs. They travel in Helidon's request {@link Context}, which every one of them can reach.
 */
public final class AuthNotes {

    private final AtomicReference<Optional<String>> method = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<String>> tool = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<AuthDecision>> decision = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<BearerRejection>> rejection = new AtomicReference<>(Optional.empty());
    private volatile boolean formToken;

    /** The notes of the current request, created on first use; empty outside a request. */
    public static Optional<AuthNotes> current() {
        return Contexts.context().map(AuthNotes::in);
    }

    private static AuthNotes in(Context context) {
        return context.get(AuthNotes.class).orElseGet(() -> {
            AuthNotes notes = new AuthNotes();
            context.register(notes);
            return notes;
        });
    }

    public void call(Optional<String> method, Optional<String> tool) {
        this.method.set(method);
        this.tool.set(tool);
    }

    public void formToken(boolean present) {
        this.formToken = present;
    }

    public boolean formToken() {
        return formToken;
    }

    public void decide(AuthDecision decision) {
        this.decision.set(Optional.of(decision));
    }

    public void reject(BearerRejection rejection) {
        this.rejection.set(Optional.of(rejection));
    }

    /** How the security provider wants this request refused, if it does. */
    public Optional<BearerRejection> rejection() {
        return rejection.get();
    }

    /** The latest decision, with the call it concerned. */
    public Optional<AuthDecision> decision() {
        return decision.get().map(d -> d.forCall(method.get(), tool.get()));
    }
}
