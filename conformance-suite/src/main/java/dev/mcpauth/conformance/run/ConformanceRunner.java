package dev.mcpauth.conformance.run;

import dev.mcpauth.conformance.options.ExtraOptions;

import dev.mcpauth.conformance.options.RunOptions;

import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.RunResult;
import dev.mcpauth.conformance.result.ScenarioResult;
import dev.mcpauth.conformance.greybox.UpstreamMock;
import dev.mcpauth.conformance.http.RecordingHttpClient;
import dev.mcpauth.conformance.http.TrustedCertificates;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.http.Redactor;
import dev.mcpauth.conformance.issuer.IssuerClient;
import dev.mcpauth.conformance.issuer.TestIssuer;
import dev.mcpauth.conformance.scenario.CheckRecorder;
import dev.mcpauth.conformance.scenario.ProtectedUrlScenario;
import dev.mcpauth.conformance.scenario.RunFixtures;
import dev.mcpauth.conformance.scenario.Scenario;
import dev.mcpauth.conformance.scenario.ScenarioContext;
import dev.mcpauth.conformance.scenario.Target;
import dev.mcpauth.conformance.scenario.Scenarios;
import dev.mcpauth.conformance.token.AttackerJwks;
import dev.mcpauth.conformance.token.JwsSigner;
import dev.mcpauth.conformance.token.IssuerTokens;
import dev.mcpauth.conformance.token.OpaqueIssuerTokens;
import dev.mcpauth.conformance.options.TokenFormat;
import dev.mcpauth.conformance.token.NoTokens;
import dev.mcpauth.conformance.token.OperatorTokenSource;
import dev.mcpauth.conformance.token.TokenSource;
import dev.mcpauth.conformance.token.TokenSource.Mode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the selected scenarios against a target and returns every check. A target that does not
 * answer, or an unusable {@code --issuer}, stops the run with {@link RunAborted}; other missing
 * prerequisites make the checks that need them untestable.
 *
 * <p>Tokens come from, in this order: the issuer named in the options (the target is expected
 * to trust it); operator-supplied tokens; or a test issuer started in-process on loopback (only
 * useful when the target lists it, e.g. in the suite's own tests).
 */
public final class ConformanceRunner {
    public static final String SUITE_VERSION = "0.1.0";
    public static final String CLIENT_ID = "conformance-suite";

    private ConformanceRunner() {
    }

    /**
     * @throws IllegalArgumentException when a requested scenario id is unknown
     */
    public static RunResult run(RunOptions options, ProgressListener progress) {
        return run(options, progress, Clock.systemUTC());
    }

    static RunResult run(RunOptions options, ProgressListener allProgress, Clock clock) {
        CheckSelection checks = new CheckSelection(options.checkIds());
        List<Scenario> selected = checks.scenarios(Scenarios.select(options.scenarioIds(),
                options.extras().tokenFormat() == TokenFormat.OPAQUE));
        ProgressListener progress = checks.filter(allProgress);
        Instant started = clock.instant();
        Redactor redactor = new Redactor();
        options.token().ifPresent(redactor::register);
        options.lowScopeToken().ifPresent(redactor::register);
        options.extras().otherTokens().otherUser().ifPresent(redactor::register);
        options.extras().otherTokens().otherAudience().ifPresent(redactor::register);
        List<ScenarioResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (AttackerJwks attacker = AttackerJwks.start(); Tokens tokens = Tokens.open(options, attacker, redactor, clock);
             Upstream upstream = Upstream.open(options.extras())) {
            RecordingHttpClient http = new RecordingHttpClient(options.requestTimeout(), redactor, tls(options));
            RunFixtures fixtures = new RunFixtures(attacker, tokens.client(), upstream.mock, upstream.error);
            ScenarioContext ctx = ScenarioContext.of(new Target(options, http, clock, fixtures), tokens.source());
            Response probe = ctx.facts().noTokenProbe();
            if (!probe.received()) {
                throw new RunAborted("the target " + options.target() + " did not answer: "
                        + probe.transportError().orElse("no response"));
            }
            ctx = ctx.withAcceptedTokenTyp();
            notes.addAll(ctx.runNotes());
            // --also-protect URLs first (reported last): key-lifecycle rotates the issuer's key, which would
            // leave their tokens naming a key the target no longer trusts
            List<ScenarioResult> alsoProtected = new ArrayList<>();
            for (Scenario scenario : ProtectedUrlScenario.forUrls(options.alsoProtect())) {
                alsoProtected.add(runOne(scenario, ctx, options.specVersion(), clock, allProgress));
            }
            for (Scenario scenario : selected) {
                results.add(checks.keep(runOne(scenario, ctx, options.specVersion(), clock, progress)));
            }
            results.addAll(alsoProtected);
        }
        return new RunResult(SUITE_VERSION, options.target().toString(), options.specVersion(), started,
                Duration.between(started, clock.instant()), results, notes);
    }

    /** The TLS context trusting {@code --trust-cert}; the JDK's default trust when absent. */
    private static Optional<SSLContext> tls(RunOptions options) {
        if (options.extras().trustCert().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrustedCertificates.sslContext(options.extras().trustCert().get()));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The mock upstream API, when asked for; why it did not start, when it did not. */
    private record Upstream(Optional<UpstreamMock> mock, Optional<String> error) implements AutoCloseable {
        static Upstream open(ExtraOptions extras) {
            if (extras.upstreamMockPort().isEmpty()) {
                return new Upstream(Optional.empty(), Optional.empty());
            }
            int port = extras.upstreamMockPort().get();
            try {
                return new Upstream(Optional.of(UpstreamMock.start(port)), Optional.empty());
            } catch (IOException e) {
                return new Upstream(Optional.empty(), Optional.of("the mock upstream could not listen on 127.0.0.1:"
                        + port + ": " + e.getMessage()));
            }
        }

        @Override
        public void close() {
            mock.ifPresent(UpstreamMock::close);
        }
    }

    private static ScenarioResult runOne(Scenario scenario, ScenarioContext ctx, SpecVersion specVersion, Clock clock,
                                         ProgressListener progress) {
        progress.scenarioStarted(scenario.id(), scenario.title());
        CheckRecorder rec = new CheckRecorder(scenario.id(), scenario.checks(), specVersion, clock, progress,
                ctx.target().http().redactor()::redact);
        if (!scenario.specVersions().contains(specVersion)) {
            rec.skipRest("the scenario applies to " + String.join(", ", scenario.specVersions().stream().map(SpecVersion::label).toList()) + ", not " + specVersion);
        } else {
            try {
                scenario.run(ctx, rec);
            } catch (RuntimeException e) {
                // A harness bug must not hide the other scenarios; what did not run is reported untestable.
                rec.untestableRest("the scenario stopped on an internal error: " + e);
            }
        }
        List<CheckResult> checks = rec.finish();
        ScenarioResult result = new ScenarioResult(scenario.id(), scenario.title(), scenario.rows(), checks);
        progress.scenarioFinished(result);
        return result;
    }

    /** The run's source of tokens, and the in-process issuer to stop afterwards. */
    private record Tokens(TokenSource source, Optional<TestIssuer> started, Optional<IssuerClient> client)
            implements AutoCloseable {

        static Tokens open(RunOptions options, AttackerJwks attacker, Redactor redactor, Clock clock) {
            if (options.issuer().isPresent()) {
                return connect(options, options.issuer().get(), Mode.ISSUER, Optional.empty(), attacker, redactor,
                        clock);
            }
            if (options.token().isPresent()) {
                return new Tokens(OperatorTokenSource.of(options.token().get(), options.lowScopeToken(),
                        options.extras().otherTokens(), options.target(), attacker, clock, redactor::register),
                        Optional.empty(), Optional.empty());
            }
            TestIssuer issuer;
            try {
                issuer = TestIssuer.start("127.0.0.1", 0, Optional.empty());
            } catch (IOException e) {
                return new Tokens(new NoTokens("the in-process test issuer could not start: " + e, Optional.empty()),
                        Optional.empty(), Optional.empty());
            }
            return connect(options, issuer.issuerUrl(), Mode.IN_PROCESS_ISSUER, Optional.of(issuer), attacker,
                    redactor, clock);
        }

        private static Tokens connect(RunOptions options, URI issuerUrl, Mode mode, Optional<TestIssuer> started,
                                      AttackerJwks attacker, Redactor redactor, Clock clock) {
            try {
                IssuerClient client = IssuerClient.connect(issuerUrl, options.requestTimeout());
                IssuerTokens source = IssuerTokens.of(mode, client, client.currentKey(),
                        new IssuerTokens.Template(client.issuer().toString(), options.target().toString(), CLIENT_ID),
                        attacker, clock, redactor::register).withTyp(options.extras().tokenTyp());
                if (options.extras().tokenFormat() == TokenFormat.OPAQUE) {
                    return new Tokens(new OpaqueIssuerTokens(source, client, new IssuerTokens.Template(
                            client.issuer().toString(), options.target().toString(), CLIENT_ID), clock,
                            redactor::register), started, Optional.of(client));
                }
                return new Tokens(source, started, Optional.of(client));
            } catch (JwsSigner.SigningException e) {
                started.ifPresent(TestIssuer::close);
                if (mode == Mode.ISSUER) {
                    throw new RunAborted("the issuer " + issuerUrl + " cannot be used: " + e.getMessage());
                }
                return new Tokens(new NoTokens("the suite's issuer at " + issuerUrl + " cannot be used: "
                        + e.getMessage(), Optional.of(issuerUrl)), Optional.empty(), Optional.empty());
            }
        }

        @Override
        public void close() {
            started.ifPresent(TestIssuer::close);
        }
    }
}
