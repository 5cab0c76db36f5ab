package dev.mcpauth.conformance.fuzz;

import dev.mcpauth.conformance.load.IssuerLoadTokens;
import dev.mcpauth.conformance.load.LoadSetupException;
import dev.mcpauth.conformance.load.TokenKind;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** One fuzz run: setup (scope, good token, session), the requests, the report. */
public final class FuzzEngine {
    /** Good tokens live five minutes; a new one is minted well before. */
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(2);
    private static final String VERSION = "2025-06-18";

    private final URI target;
    private final Optional<SSLContext> tls;
    private final Duration timeout;
    private final Clock clock;

    public FuzzEngine(URI target, Optional<SSLContext> tls, Duration timeout, Clock clock) {
        this.target = target;
        this.tls = tls;
        this.timeout = timeout;
        this.clock = clock;
    }

    public FuzzReport run(int requests, int connections, long seed, Optional<URI> issuer, Optional<String> scope)
            throws SetupException, IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        tls.ifPresent(builder::sslContext);
        try (HttpClient client = builder.build()) {
            String tokenScope = scope.isPresent() ? scope.get() : FuzzSetup.challengeScope(client, target, timeout).orElse("");
            Optional<IssuerLoadTokens> tokens = issuer.isPresent()
                    ? Optional.of(IssuerLoadTokens.connect(issuer.get(), target, tokenScope, timeout, clock)) : Optional.empty();
            try {
                Supplier<Optional<String>> good = goodTokens(tokens);
                Optional<String> session = good.get().isPresent()
                        ? FuzzSetup.openSession(client, target, timeout, good.get().get(), VERSION) : Optional.empty();
                Instant started = clock.instant();
                FuzzStats stats = new FuzzRun(client, target, timeout, new RequestFactory(target, seed, good, session, VERSION))
                        .run(requests, connections);
                return new FuzzReport(target.toString(), seed, requests, Duration.between(started, clock.instant()),
                        tokens.isPresent(), stats);
            } finally {
                tokens.ifPresent(IssuerLoadTokens::close);
            }
        } catch (LoadSetupException e) {
            throw new SetupException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted");
        }
    }

    /** A good token, minted again every {@link #TOKEN_REFRESH}; empty without an issuer. */
    private Supplier<Optional<String>> goodTokens(Optional<IssuerLoadTokens> tokens) throws LoadSetupException {
        if (tokens.isEmpty()) {
            return Optional::empty;
        }
        Object lock = new Object();
        String[] current = {tokens.get().mint(TokenKind.GOOD).orElseThrow()};
        Instant[] minted = {clock.instant()};
        return () -> {
            synchronized (lock) {
                if (Duration.between(minted[0], clock.instant()).compareTo(TOKEN_REFRESH) > 0) {
                    try {
                        current[0] = tokens.get().mint(TokenKind.GOOD).orElseThrow();
                        minted[0] = clock.instant();
                    } catch (LoadSetupException e) {
                        return Optional.of(current[0]);
                    }
                }
                return Optional.of(current[0]);
            }
        };
    }

    /** The target or the issuer could not be used before the run. */
    public static final class SetupException extends Exception {
        public SetupException(String message) {
            super(message);
        }
    }
}
