package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;

/** Unsigned tokens ({@code alg: none} in any spelling) are refused. */
final class AlgNoneScenario implements Scenario {
    private static CheckSpec spec(String suffix, String alg) {
        return CheckSpec.of("alg-none-" + suffix, Level.MUST, "alg " + alg + " gets 401",
                "Good claims with header alg \"" + alg + "\" and an empty signature get 401.",
                List.of("RS-42"), "RFC9068-4", "RFC8725-3.2", "RFC9068-2.1");
    }

    static final CheckSpec LOWER = spec("lowercase", "none");
    static final CheckSpec CAPITALIZED = spec("capitalized", "None");
    static final CheckSpec UPPER = spec("uppercase", "NONE");

    @Override
    public String id() {
        return "alg-none";
    }

    @Override
    public String title() {
        return "alg none: unsigned tokens are refused";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(LOWER, CAPITALIZED, UPPER);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Verdicts.rejectMutation(ctx, rec, LOWER, TokenMutation.ALG_NONE, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, CAPITALIZED, TokenMutation.ALG_NONE_CAPITALIZED, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, UPPER, TokenMutation.ALG_NONE_UPPERCASE, Verdicts.ONLY_401);
    }
}
