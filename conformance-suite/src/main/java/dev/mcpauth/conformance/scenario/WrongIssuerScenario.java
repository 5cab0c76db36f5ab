package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;

/** {@code iss} must equal the trusted issuer exactly, even when the key is right. */
final class WrongIssuerScenario implements Scenario {
    static final CheckSpec OTHER = CheckSpec.of("wrong-issuer-other-issuer", Level.MUST,
            "A token claiming another issuer gets 401",
            "A token signed with the trusted issuer's key but with iss https://evil.test gets 401.",
            List.of("RS-47"), "RFC9068-4", "RFC8725-3.8");
    static final CheckSpec SLASH = CheckSpec.of("wrong-issuer-trailing-slash", Level.MUST,
            "iss is compared exactly",
            "A token whose iss is the trusted issuer with a trailing slash added gets 401: issuer identifiers are "
                    + "compared as exact strings.",
            List.of("RS-47"), "RFC9068-4", "RFC8414-3.3");

    @Override
    public String id() {
        return "wrong-issuer";
    }

    @Override
    public String title() {
        return "Wrong issuer: iss must equal the trusted issuer exactly";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(OTHER, SLASH);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        Verdicts.rejectMutation(ctx, rec, OTHER, TokenMutation.WRONG_ISSUER, Verdicts.ONLY_401);
        Verdicts.rejectMutation(ctx, rec, SLASH, TokenMutation.ISSUER_TRAILING_SLASH, Verdicts.ONLY_401);
    }
}
