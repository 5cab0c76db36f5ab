package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.token.TokenSource;

import java.util.Optional;

/**
 * The positive control refused only because of {@code typ}: when the good token the suite's issuer mints as
 * RFC 9068 says ({@code typ: at+jwt}) is refused, the same token with {@code typ: JWT} is presented. If that one is
 * accepted, the run goes on with it (so the other checks still judge the target) and the refusal is its own
 * finding, {@link AccessTokenTypScenario#RFC9068_ACCEPTED} (docs/rs-checklist.md, policy P-04).
 */
final class TokenTypFallback {
    /** The {@code typ} the run moves to. */
    static final TokenTyp FALLBACK = TokenTyp.JWT;

    private TokenTypFallback() {
    }

    /** The run note when the run moved to {@link #FALLBACK}. */
    static Optional<String> note(ScenarioContext ctx) {
        return ctx.facts().refusedRfc9068().map(refused -> "The target refused the suite's RFC 9068 access tokens "
                + "(typ at+jwt) and accepted the same tokens with typ " + FALLBACK.label() + ": every token-based "
                + "check ran with typ " + FALLBACK.label() + " (finding: "
                + AccessTokenTypScenario.RFC9068_ACCEPTED.id() + "; pass --token-typ " + FALLBACK.label()
                + " to start with it).");
    }

    static ScenarioContext settle(ScenarioContext ctx) {
        Acceptance first = ctx.facts().acceptance();
        if (first.accepted() || !first.token().available()
                || ctx.target().options().extras().tokenTyp() != TokenTyp.AT_JWT) {
            return ctx;
        }
        Optional<TokenSource> other = ctx.tokens().withTokenTyp(FALLBACK);
        if (other.isEmpty()) {
            return ctx;
        }
        TargetFacts retried = ctx.facts().withTokensAfterTypRefusal(other.get(), first);
        return retried.acceptance().accepted() ? new ScenarioContext(ctx.target(), other.get(), retried) : ctx;
    }
}
