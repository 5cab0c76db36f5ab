package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.http.Challenge;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.RecordingHttpClient;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.RunOptions;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mcpauth.conformance.token.AttackerJwks;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenFactory;
import dev.mcpauth.conformance.token.TokenMutation;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a scenario needs for one run: the target, the HTTP and MCP clients, the tokens,
 * and the facts learned from the target once and shared (the no-token challenge, the PRM, the
 * scopes, whether a good token is accepted, which tool needs more scope).
 */
public final class ScenarioContext {
    /** Where tokens come from in this run. */
    public enum TokenMode {
        /** an issuer the operator named; the target is expected to trust it */
        ISSUER,
        /** an issuer the suite started itself; trusted only if the target lists it */
        IN_PROCESS_ISSUER,
        /** only operator-supplied tokens */
        OPERATOR,
        /** no usable source of tokens */
        NONE
    }

    private final RunOptions options;
    private final RecordingHttpClient http;
    private final McpClient mcp;
    private final Clock clock;
    private final TokenMode mode;
    private Optional<TokenFactory> tokens;
    private final String noTokensReason;
    private final Optional<URI> issuer;
    private final RunFixtures fixtures;

    private final Memo<Response> noTokenProbe;
    private final Memo<Prm> prm;
    private final Memo<String> baselineScope;
    private final Memo<Minted> baselineToken;
    private final Memo<Acceptance> acceptance;
    private final Memo<Privileged> privileged;
    private final Memo<PublishedKey> publishedKey;

    /**
     * @param tokens         the token factory, when there is a source of tokens
     * @param noTokensReason why there is none (shown in untestable checks)
     * @param issuer         the trusted issuer's identifier, in the issuer modes
     * @param fixtures       the suite's own servers: attacker JWKS, issuer admin, upstream mock
     */
    public ScenarioContext(RunOptions options, RecordingHttpClient http, Clock clock, TokenMode mode,
                           Optional<TokenFactory> tokens, String noTokensReason, Optional<URI> issuer,
                           RunFixtures fixtures) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = Objects.requireNonNull(http, "http");
        this.mcp = new McpClient(http, options.target(), options.specVersion().label());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.noTokensReason = Objects.requireNonNull(noTokensReason, "noTokensReason");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
        this.noTokenProbe = new Memo<>(() -> mcp.send(mcp.probeRequest()));
        this.prm = new Memo<>(() -> TargetFacts.findPrm(this));
        this.baselineScope = new Memo<>(() -> TargetFacts.baselineScope(this));
        this.baselineToken = new Memo<>(this::makeBaselineToken);
        this.acceptance = new Memo<>(() -> TargetFacts.acceptance(this));
        this.privileged = new Memo<>(() -> PrivilegedDiscovery.discover(this));
        this.publishedKey = new Memo<>(() -> TargetFacts.publishedKey(this));
    }

    public RunOptions options() {
        return options;
    }

    public URI target() {
        return options.target();
    }

    public SpecVersion specVersion() {
        return options.specVersion();
    }

    public boolean is0618() {
        return options.specVersion() == SpecVersion.V2025_06_18;
    }

    public boolean is2607() {
        return options.specVersion() == SpecVersion.V2026_07_28;
    }

    public McpClient mcp() {
        return mcp;
    }

    public RecordingHttpClient http() {
        return http;
    }

    public Clock clock() {
        return clock;
    }

    public TokenMode mode() {
        return mode;
    }

    public AttackerJwks attacker() {
        return fixtures.attacker();
    }

    public RunFixtures fixtures() {
        return fixtures;
    }

    /** Why checks that need a suite-signed token cannot run, when there is no issuer. */
    public String noTokensReason() {
        return noTokensReason;
    }

    /** From now on, tokens name this key in {@code kid}: the issuer signs with it after a rotation. */
    public void useIssuerKey(RSAKey key) {
        tokens = tokens.map(t -> t.withIssuerKey(key));
    }

    public Optional<URI> issuer() {
        return issuer;
    }

    public Response send(Request request) {
        return http.send(request);
    }

    /** The probe request (initialize; tools/list from 2026-07-28) with this exact {@code Authorization} value. */
    public Response probeWith(String authorization) {
        return mcp.send(mcp.probeRequest().header("Authorization", authorization));
    }

    /** The probe request with {@code Authorization: Bearer <token>}. */
    public Response probeWithBearer(String token) {
        return probeWith("Bearer " + token);
    }

    // ---- learned facts ----

    /** POST initialize without credentials (memoised: several scenarios read the same challenge). */
    public Response noTokenProbe() {
        return noTokenProbe.get();
    }

    /** The first Bearer challenge of the no-token probe, if it parsed. */
    public Optional<Challenge> noTokenChallenge() {
        return noTokenProbe().challenges().bearer();
    }

    public Prm prm() {
        return prm.get();
    }

    /** Baseline scope: option, else the 401 challenge {@code scope}, else the first of PRM {@code scopes_supported}. */
    public String baselineScope() {
        return baselineScope.get();
    }

    /** A good token with the baseline scope: minted by the issuer, or the operator's token. */
    public Minted baselineToken() {
        return baselineToken.get();
    }

    /** A good token that lacks the privileged scope. */
    public Minted lowScopeToken() {
        if (tokens.map(TokenFactory::issuerMode).orElse(false)) {
            return baselineToken();
        }
        return options.lowScopeToken().or(options::token).map(Minted::of)
                .orElseGet(() -> Minted.unavailable(noTokensReason));
    }

    /** What the suite knows about the low-scope token, for messages: its scope only when it minted it. */
    public String lowScopeDescription() {
        if (tokens.map(TokenFactory::issuerMode).orElse(false)) {
            return "a token with only the baseline scope \"" + baselineScope() + "\"";
        }
        return options.lowScopeToken().isPresent() ? "the --low-scope-token (its scopes are not known to the suite)"
                : "the --token (no --low-scope-token was given; its scopes are not known to the suite)";
    }

    /** A good token with exactly these scopes (issuer modes only). */
    public Minted tokenFor(String scope) {
        return tokens.map(t -> t.good(scope)).orElseGet(() -> Minted.unavailable(noTokensReason));
    }

    /**
     * The baseline token broken as the mutation says. Without the suite's issuer, the operator's
     * {@code --other-user-token} stands for {@link TokenMutation#OTHER_SUBJECT} and the
     * {@code --other-audience-token} for the audience mutations it can prove (another resource).
     */
    public Minted mutated(TokenMutation mutation) {
        Optional<String> substitute = operatorSubstitute(mutation);
        if (substitute.isPresent()) {
            return Minted.of(substitute.get());
        }
        if (mutation.needs() == TokenMutation.Needs.ISSUER_PUBLIC_KEY && tokens.isPresent()
                && !tokens.get().issuerMode()) {
            return withPublishedKey(tokens.get(), mutation);
        }
        return tokens.map(t -> t.mutated(mutation, baselineScope())).orElseGet(() -> Minted.unavailable(noTokensReason));
    }

    /** Operator mode: the HS256 confusion token keyed with the key the AS publishes, when it can be found. */
    private Minted withPublishedKey(TokenFactory factory, TokenMutation mutation) {
        PublishedKey found = publishedKey();
        if (found.key().isEmpty()) {
            return Minted.unavailable("\"" + mutation.description() + "\" needs the authorization server's public "
                    + "key; without the suite's issuer it is fetched black-box (PRM → authorization_servers[0] → AS "
                    + "metadata → jwks_uri), and that failed: " + found.problem().orElse("?")
                    + " (or run with --issuer)");
        }
        return factory.hmacWithPublishedKey(mutation, found.key().get(), found.issuer().orElse(""),
                target().toString(), baselineScope());
    }

    /** The AS's published signing key, fetched black-box once (operator mode's HS256 confusion checks). */
    public PublishedKey publishedKey() {
        return publishedKey.get();
    }

    /** What the token of {@link #mutated} is, for messages: the mutation, or the operator's token standing for it. */
    public String mutationDescription(TokenMutation mutation) {
        return operatorSubstitute(mutation).isEmpty() ? mutation.description()
                : mutation == TokenMutation.OTHER_SUBJECT ? "the --other-user-token (a second user's valid token)"
                : "the --other-audience-token (from the same authorization server, for another resource)";
    }

    private Optional<String> operatorSubstitute(TokenMutation mutation) {
        if (tokens.map(TokenFactory::issuerMode).orElse(false)) {
            return Optional.empty();
        }
        var other = options.extras().otherTokens();
        return switch (mutation) {
            case OTHER_SUBJECT -> other.otherUser();
            case WRONG_AUDIENCE, OTHER_API_AUDIENCE -> other.otherAudience();
            default -> Optional.empty();
        };
    }

    public Acceptance acceptance() {
        return acceptance.get();
    }

    /**
     * Empty when the target accepts a good token; otherwise why checks that need one (every
     * "this bad token is rejected" check) cannot be trusted: a server that rejects everything
     * would pass them all.
     */
    public Optional<String> tokenGate() {
        return acceptance().problem().map(p -> "prerequisite failed: " + p
                + " (a rejection proves nothing while good tokens are rejected too)");
    }

    public Privileged privileged() {
        return privileged.get();
    }

    /**
     * The outcome of presenting a good baseline token.
     *
     * @param token         the token presented
     * @param session       the session it opened, when accepted
     * @param problem       why it is not usable, when not
     * @param targetAtFault true when the target should have accepted it (the verdict is then a real FAILURE)
     */
    public record Acceptance(Minted token, Optional<McpSession> session, Optional<String> problem,
                             boolean targetAtFault) {
        public boolean accepted() {
            return problem.isEmpty();
        }
    }

    /**
     * A tool that needs more than the low-scope token carries.
     *
     * @param tool    its name
     * @param scope   the scope to step up to
     * @param session a session opened with the low-scope token
     * @param trail   the calls made while looking
     * @param problem why none was found
     */
    public record Privileged(Optional<String> tool, Optional<String> scope, Optional<McpSession> session,
                             List<Response> trail, Optional<String> problem) {
    }

    /**
     * A public key the authorization server publishes, found through PRM → AS metadata → JWKS.
     *
     * @param key     an RSA or EC public key with a {@code kid}, when found
     * @param issuer  the AS's issuer (its metadata's {@code issuer}, else the PRM entry), when found
     * @param jwksUri where it was found
     * @param trail   every request made while looking
     * @param problem why none was found
     */
    public record PublishedKey(Optional<JWK> key, Optional<String> issuer, Optional<URI> jwksUri, List<Response> trail,
                               Optional<String> problem) {
        public PublishedKey {
            trail = List.copyOf(trail);
        }
    }

    private Minted makeBaselineToken() {
        if (tokens.map(TokenFactory::issuerMode).orElse(false)) {
            return tokens.get().good(baselineScope());
        }
        return options.token().map(Minted::of).orElseGet(() -> Minted.unavailable(noTokensReason));
    }

    static Optional<URI> absolute(String value) {
        try {
            URI u = new URI(value);
            return u.isAbsolute() && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
