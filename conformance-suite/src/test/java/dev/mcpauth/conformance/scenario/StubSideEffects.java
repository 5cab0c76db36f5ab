package dev.mcpauth.conformance.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * What the stub does beyond answering: calls an upstream API from its {@code fetch_upstream}
 * tool, and logs each request. A correct stub sends its own credential upstream and logs a
 * token fingerprint; {@link StubDefect#FORWARD_TOKEN} and {@link StubDefect#LOG_TOKENS} do not.
 */
final class StubSideEffects {
    static final String OWN_CREDENTIAL = "stub-server-own-upstream-credential";

    private final Optional<URI> upstream;
    private final Optional<Path> log;
    private final Set<StubDefect> defects;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StubSideEffects(StubSetup setup, Set<StubDefect> defects) {
        this.upstream = setup.upstream();
        this.log = setup.log();
        this.defects = defects;
    }

    boolean upstreamConfigured() {
        return upstream.isPresent();
    }

    /** GETs the upstream with the stub's credential (or, broken, the client's token); the status it got. */
    int callUpstream(String clientToken) {
        String credential = defects.contains(StubDefect.FORWARD_TOKEN) ? clientToken : OWN_CREDENTIAL;
        HttpRequest request = HttpRequest.newBuilder(upstream.orElseThrow()).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + credential).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** One log line per authenticated decision: a fingerprint of the token, or (broken) its first 20 characters. */
    void log(String method, String path, String token, String decision) {
        if (log.isEmpty()) {
            return;
        }
        String shown = token.isEmpty() ? "-" : defects.contains(StubDefect.LOG_TOKENS)
                ? "prefix=" + token.substring(0, Math.min(20, token.length())) : "fingerprint=" + fingerprint(token);
        String line = method + " " + path + " " + shown + " decision=" + decision + "\n";
        try {
            Files.writeString(log.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
