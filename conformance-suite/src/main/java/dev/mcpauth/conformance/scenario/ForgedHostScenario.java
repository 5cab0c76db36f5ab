package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * The resource identifier comes from configuration, never from the request: a forged
 * {@code Host} or {@code X-Forwarded-Host} neither makes a token for that host acceptable nor
 * moves the {@code resource_metadata} the challenge points to.
 */
final class ForgedHostScenario implements Scenario {
    static final String FORGED = "evil.test";
    static final String RESTRICTED_HINT = "; the JDK sends Host only with -Djdk.httpclient.allowRestrictedHeaders=host "
            + "(the suite's jar sets it)";

    static final CheckSpec TOKEN = CheckSpec.of("forged-host-token-refused", Level.MUST,
            "A token for a forged Host is refused",
            "initialize with Host: evil.test, and separately with X-Forwarded-Host: evil.test and X-Forwarded-Proto: "
                    + "https, carrying a token from the trusted issuer whose aud is the target's path on evil.test "
                    + "(http and https), is refused (any 4xx; 401 expected). The checklist rates RS-59 silent, but "
                    + "accepting that token means accepting a token issued for another resource (RS-53, a MUST), so a "
                    + "2xx or 5xx is a FAILURE.",
            List.of("RS-59", "RS-53"), "MCP-authorization#token-audience-binding-and-validation", "RFC8707-2");
    static final CheckSpec METADATA = CheckSpec.of("forged-host-resource-metadata", Level.SHOULD,
            "resource_metadata ignores a forged Host",
            "The 401 to a request without a token but with Host: evil.test (and with X-Forwarded-Host: evil.test) "
                    + "does not point resource_metadata at evil.test: a client would fetch the attacker's metadata.",
            List.of("RS-59"), "RFC9728-5.1");

    private record Variant(String name, UnaryOperator<Request> forge) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("Host: " + FORGED, r -> r.header("Host", FORGED)),
            new Variant("X-Forwarded-Host: " + FORGED, r -> r.header("X-Forwarded-Host", FORGED)
                    .header("X-Forwarded-Proto", "https")));

    @Override
    public String id() {
        return "forged-host";
    }

    @Override
    public String title() {
        return "Forged Host: the resource comes from configuration, not from the request";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(TOKEN, METADATA);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        metadata(ctx, rec);
        Optional<String> gate = ctx.facts().tokenGate();
        if (gate.isPresent()) {
            rec.untestable(TOKEN, gate.get(), List.of());
            return;
        }
        Minted forged = ctx.mutated(TokenMutation.FORGED_HOST_AUDIENCE);
        if (!forged.available()) {
            rec.untestable(TOKEN, forged.unavailable(), List.of());
            return;
        }
        List<Response> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Variant v : VARIANTS) {
            Response r = ctx.target().send(v.forge().apply(ctx.target().mcp().probeRequest().bearer(forged.get())));
            seen.add(r);
            if (!r.received()) {
                rec.untestable(TOKEN, "no response with " + v.name() + ": " + r.transportError().orElse("?")
                        + RESTRICTED_HINT, seen);
                return;
            }
            if (r.status() < 400 || r.status() >= 500) {
                wrong.add(v.name() + " → " + Verdicts.describe(r));
            }
        }
        rec.verdict(TOKEN, wrong.isEmpty(), "a token for evil.test was not refused: " + String.join("; ", wrong),
                details("variants", VARIANTS.stream().map(Variant::name).toList()), seen);
    }

    private static void metadata(ScenarioContext ctx, CheckRecorder rec) {
        List<Response> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Variant v : VARIANTS) {
            Response r = ctx.target().send(v.forge().apply(ctx.target().mcp().probeRequest()));
            seen.add(r);
            if (!r.received()) {
                rec.untestable(METADATA, "no response with " + v.name() + ": " + r.transportError().orElse("?")
                        + RESTRICTED_HINT, seen);
                return;
            }
            r.challenges().bearer().flatMap(c -> c.value("resource_metadata"))
                    .filter(u -> u.toLowerCase(java.util.Locale.ROOT).contains(FORGED))
                    .ifPresent(u -> wrong.add(v.name() + " → resource_metadata \"" + u + "\""));
        }
        rec.verdict(METADATA, wrong.isEmpty(), "the challenge follows the forged host: " + String.join("; ", wrong),
                details(), seen);
    }
}
