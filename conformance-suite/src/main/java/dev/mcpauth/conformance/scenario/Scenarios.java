package dev.mcpauth.conformance.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every scenario this build knows, in run order: discovery first, the seed four early; the
 * grey-box token-passthrough check, then the key lifecycle (it rotates the issuer's key and takes
 * its JWKS down for a moment, so nothing else may run after it but the hygiene checks, which only
 * read what the run saw).
 */
public final class Scenarios {
    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new ProtectedResourceMetadataScenario(),
                new MissingTokenScenario(),
                new ChallengeSyntaxScenario(),
                new ValidTokenScenario(),
                new AccessTokenTypScenario(),
                new ExpiredTokenScenario(),
                new WrongAudienceScenario(),
                new InsufficientScopeScenario(),
                new ScopeHierarchyScenario(),
                new ScopeChallengeScenario(),
                new BadSignatureScenario(),
                new AlgNoneScenario(),
                new WrongIssuerScenario(),
                new TokenClaimsScenario(),
                new NonJwtTokenScenario(),
                new QueryTokenScenario(),
                new MalformedCredentialsScenario(),
                new SessionBindingScenario(),
                new TransportSecurityScenario(),
                new StatelessScenario(),
                new HeaderValidationScenario(),
                new ForgedHostScenario(),
                new HttpsScenario(),
                new CorsScenario(),
                new TokenPassthroughScenario(),
                new KeyLifecycleScenario(),
                new TokenHygieneScenario());
    }

    /**
     * The opaque-token profile ({@code --token-format opaque}): the scenarios whose tokens have an
     * opaque form (claims in the introspection answer, not in a JWT), then introspection itself.
     */
    public static List<Scenario> opaqueTokenProfile() {
        return List.of(
                new ProtectedResourceMetadataScenario(),
                new MissingTokenScenario(),
                new ValidTokenScenario(),
                new ExpiredTokenScenario(),
                new WrongAudienceScenario(),
                new InsufficientScopeScenario(),
                new WrongIssuerScenario(),
                new IntrospectionScenario());
    }

    /** The scenarios only the opaque-token profile runs. */
    public static List<Scenario> opaqueOnly() {
        return List.of(new IntrospectionScenario());
    }

    /** The scenarios of the profile with these ids (every one of the profile when empty). */
    public static List<Scenario> select(List<String> ids, boolean opaqueTokens) {
        if (!opaqueTokens) {
            return select(ids);
        }
        List<Scenario> profile = opaqueTokenProfile();
        List<String> known = profile.stream().map(Scenario::id).toList();
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not in the opaque-token profile: " + String.join(", ", unknown)
                    + "; its scenarios: " + String.join(", ", known));
        }
        return ids.isEmpty() ? profile : profile.stream().filter(s -> ids.contains(s.id())).toList();
    }

    /**
     * The scenarios with these ids, in run order; all of them when the list is empty.
     *
     * @throws IllegalArgumentException naming every unknown id and the known ones
     */
    public static List<Scenario> select(List<String> ids) {
        List<Scenario> all = all();
        if (ids.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        opaqueOnly().stream().map(Scenario::id).filter(wanted::contains).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("scenario " + id + " runs only with --token-format opaque");
        });
        List<String> known = all.stream().map(Scenario::id).toList();
        List<String> unknown = wanted.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenario id" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", known));
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : all) {
            if (wanted.contains(s.id())) {
                out.add(s);
            }
        }
        return out;
    }
}
