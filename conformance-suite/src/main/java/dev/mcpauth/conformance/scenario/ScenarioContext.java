package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;
import dev.mcpauth.conformance.token.TokenSource;

import java.util.Objects;

/**
 * What a scenario works with: the {@link Target} (options, HTTP, MCP client), the run's
 * {@link TokenSource}, and the {@link TargetFacts} learned once and shared. The few methods here
 * combine a token source with a learned fact.
 */
public record ScenarioContext(Target target, TokenSource tokens, TargetFacts facts) {
    public ScenarioContext {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(facts, "facts");
    }

    /** The usual wiring: facts learned from this target with these tokens. */
    public static ScenarioContext of(Target target, TokenSource tokens) {
        return new ScenarioContext(target, tokens, new TargetFacts(target, tokens));
    }

    /**
     * This context, or, when the target refuses the good token only because of {@code typ: at+jwt}, one
     * whose good tokens carry the {@code typ} it accepts (see {@link TokenTypFallback}).
     */
    public ScenarioContext withAcceptedTokenTyp() {
        return TokenTypFallback.settle(this);
    }

    /**
     * What the report must say about how this context differs from what was asked (see {@link TokenTypFallback}),
     * and any {@code --tool} hint naming a tool the target does not list (see {@link UnlistedToolHints}).
     */
    public java.util.List<String> runNotes() {
        return java.util.stream.Stream.concat(TokenTypFallback.note(this).stream(), UnlistedToolHints.note(this).stream())
                .toList();
    }

    /** The baseline token broken as the mutation says (see {@link TokenSource#mutated}). */
    public Minted mutated(TokenMutation mutation) {
        return tokens.mutated(mutation, facts.baselineScope(), facts::publishedKey);
    }

    /** A good token that lacks the privileged scope. */
    public Minted lowScopeToken() {
        return tokens.lowScope(facts.baselineScope());
    }

    /** What the suite knows about the low-scope token, for messages. */
    public String lowScopeDescription() {
        return tokens.lowScopeDescription(facts.baselineScope());
    }
}
