package dev.mcpauth.conformance.options;

import dev.mcpauth.conformance.spec.SpecVersion;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one conformance run is asked to do; built by the CLI, consumed by {@code run.ConformanceRunner}.
 *
 * @param target           the MCP endpoint URL under test (also the expected canonical resource)
 * @param issuer           base URL of an already running suite test issuer that the target trusts;
 *                         empty: start one in-process (the target must then trust it, or only
 *                         token-independent checks can pass)
 * @param specVersion      MCP spec version profile: {@code 2025-06-18}, {@code 2025-11-25} or {@code 2026-07-28}
 * @param scenarioIds      scenarios to run; empty means all that apply
 * @param token            operator-supplied token with the baseline scope (for targets whose
 *                         authorization server the suite cannot sign for)
 * @param lowScopeToken    operator-supplied valid token that lacks the privileged scope
 * @param baselineScope    overrides the baseline scope learned from the target
 * @param privilegedScope  overrides the privileged scope learned from the target
 * @param privilegedTool   overrides the tool used for insufficient-scope checks
 * @param requestTimeout   per-request timeout
 * @param extras           typ profile, grey-box hooks, TLS trust, rotation wait
 * @param checkIds         checks to report; empty means every check of the selected scenarios
 * @param alsoProtect      non-MCP URLs whose bearer edge is judged too ({@code --also-protect}), reported per URL
 */
public record RunOptions(URI target,
                         Optional<URI> issuer,
                         SpecVersion specVersion,
                         List<String> scenarioIds,
                         Optional<String> token,
                         Optional<String> lowScopeToken,
                         Optional<String> baselineScope,
                         Optional<String> privilegedScope,
                         Optional<String> privilegedTool,
                         Duration requestTimeout,
                         ExtraOptions extras,
                         List<String> checkIds,
                         List<ProtectedUrl> alsoProtect) {

    public RunOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(specVersion, "specVersion");
        if (!specVersion.runnable()) {
            throw new IllegalArgumentException("unsupported spec version " + specVersion
                    + "; use one of " + SpecVersion.runnableLabels());
        }
        scenarioIds = List.copyOf(scenarioIds);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(lowScopeToken, "lowScopeToken");
        Objects.requireNonNull(baselineScope, "baselineScope");
        Objects.requireNonNull(privilegedScope, "privilegedScope");
        Objects.requireNonNull(privilegedTool, "privilegedTool");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(extras, "extras");
        checkIds = List.copyOf(checkIds);
        alsoProtect = List.copyOf(alsoProtect);
    }

    /** Options that judge no URL but the target. */
    public RunOptions(URI target, Optional<URI> issuer, SpecVersion specVersion, List<String> scenarioIds,
                      Optional<String> token, Optional<String> lowScopeToken, Optional<String> baselineScope,
                      Optional<String> privilegedScope, Optional<String> privilegedTool, Duration requestTimeout,
                      ExtraOptions extras, List<String> checkIds) {
        this(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope, privilegedScope,
                privilegedTool, requestTimeout, extras, checkIds, List.of());
    }

    /** Options without a check selection. */
    public RunOptions(URI target, Optional<URI> issuer, SpecVersion specVersion, List<String> scenarioIds,
                      Optional<String> token, Optional<String> lowScopeToken, Optional<String> baselineScope,
                      Optional<String> privilegedScope, Optional<String> privilegedTool, Duration requestTimeout,
                      ExtraOptions extras) {
        this(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope, privilegedScope,
                privilegedTool, requestTimeout, extras, List.of());
    }

    /** Options with the default {@link ExtraOptions}. */
    public RunOptions(URI target, Optional<URI> issuer, SpecVersion specVersion, List<String> scenarioIds,
                      Optional<String> token, Optional<String> lowScopeToken, Optional<String> baselineScope,
                      Optional<String> privilegedScope, Optional<String> privilegedTool, Duration requestTimeout) {
        this(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope, privilegedScope,
                privilegedTool, requestTimeout, ExtraOptions.defaults());
    }

    public RunOptions withExtras(ExtraOptions newExtras) {
        return new RunOptions(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope,
                privilegedScope, privilegedTool, requestTimeout, newExtras, checkIds, alsoProtect);
    }

    /** A copy that reports only these checks. */
    public RunOptions withChecks(List<String> ids) {
        return new RunOptions(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope,
                privilegedScope, privilegedTool, requestTimeout, extras, ids, alsoProtect);
    }

    /** A copy that also judges the bearer edge of these non-MCP URLs. */
    public RunOptions withAlsoProtect(List<ProtectedUrl> urls) {
        return new RunOptions(target, issuer, specVersion, scenarioIds, token, lowScopeToken, baselineScope,
                privilegedScope, privilegedTool, requestTimeout, extras, checkIds, urls);
    }
}
