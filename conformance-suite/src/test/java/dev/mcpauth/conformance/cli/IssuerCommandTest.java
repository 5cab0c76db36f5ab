package dev.mcpauth.conformance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private Cli cli(IssuerLauncher launcher, ShutdownWaiter waiter) {
        return new Cli(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), Map.of(),
                (options, progress) -> {
                    throw new AssertionError("not a run");
                }, launcher, Optional.empty(), waiter);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void defaultsToLoopbackAndAnyFreePort() throws UsageException {
        IssuerCommand.Request request = IssuerCommand.parse(List.of());
        assertThat(request).isEqualTo(new IssuerCommand.Request("127.0.0.1", 0, Optional.empty()));
    }

    @Test
    void readsPortHostAndKeys() throws UsageException {
        assertThat(IssuerCommand.parse(List.of("--port", "9400", "--host", "localhost", "--keys", "k.json")))
                .isEqualTo(new IssuerCommand.Request("localhost", 9400, Optional.of(Path.of("k.json"))));
    }

    @Test
    void rejectsBadPortsAndEmptyValues() {
        assertThatThrownBy(() -> IssuerCommand.parse(List.of("--port", "x"))).hasMessage("--port 'x' is not a port number");
        assertThatThrownBy(() -> IssuerCommand.parse(List.of("--port", "65536"))).hasMessage("--port must be between 0 and 65535");
        assertThatThrownBy(() -> IssuerCommand.parse(List.of("--port=-1"))).hasMessage("--port must be between 0 and 65535");
        assertThatThrownBy(() -> IssuerCommand.parse(List.of("--host="))).hasMessage("--host must not be empty");
        assertThatThrownBy(() -> IssuerCommand.parse(List.of("--keys="))).hasMessage("--keys must not be empty");
    }

    @Test
    void printsKeyValueLinesAndClosesTheIssuerOnShutdown() {
        List<Object> started = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        IssuerLauncher launcher = (host, port, keys) -> {
            started.add(host);
            started.add(port);
            started.add(keys);
            return new IssuerLauncher.Running() {
                @Override
                public String issuerUrl() {
                    return "http://127.0.0.1:9400";
                }

                @Override
                public String jwksUrl() {
                    return "http://127.0.0.1:9400/jwks";
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        };
        AtomicBoolean closedBeforeStop = new AtomicBoolean(true);
        ShutdownWaiter waiter = onStop -> {
            closedBeforeStop.set(closed.get());
            onStop.run();
        };
        int code = cli(launcher, waiter).execute("issuer", "--port", "9400", "--keys", "keys.json");
        assertThat(code).isZero();
        assertThat(started).containsExactly("127.0.0.1", 9400, Optional.of(Path.of("keys.json")));
        assertThat(out()).isEqualTo("issuer=http://127.0.0.1:9400\njwks_uri=http://127.0.0.1:9400/jwks\n");
        assertThat(closedBeforeStop).isFalse();
        assertThat(closed).isTrue();
        assertThat(err()).isEqualTo("issuer stopped\n");
    }

    @Test
    void aLauncherFailureIsOneLineWithExit2() {
        IssuerLauncher failing = (host, port, keys) -> {
            throw new java.net.BindException("Address already in use");
        };
        assertThat(cli(failing, onStop -> onStop.run()).execute("issuer", "--port", "9400")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: cannot start the test issuer on 127.0.0.1:9400: Address already in use\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void theRealIssuerServesItsJwksUntilStopped(@TempDir Path tmp) throws IOException {
        Path keys = tmp.resolve("keys.json");
        List<Integer> statuses = new ArrayList<>();
        ShutdownWaiter waiter = onStop -> {
            String jwks = out().lines().filter(l -> l.startsWith("jwks_uri=")).findFirst().orElseThrow().substring(9);
            statuses.add(get(jwks));
            onStop.run();
        };
        int code = cli(new TestIssuerLauncher(), waiter).execute("issuer", "--keys", keys.toString());
        assertThat(code).isZero();
        assertThat(out()).startsWith("issuer=http://127.0.0.1:").contains("\njwks_uri=http://127.0.0.1:");
        assertThat(statuses).containsExactly(200);
        assertThat(Files.exists(keys)).isTrue();
    }

    @Test
    void theRealIssuerRefusesANonLoopbackHost() {
        assertThat(cli(new TestIssuerLauncher(), onStop -> onStop.run()).execute("issuer", "--host", "192.0.2.1"))
                .isEqualTo(2);
        assertThat(err()).startsWith("error: cannot start the test issuer on 192.0.2.1:0: ").contains("loopback");
    }

    private static int get(String url) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("cannot fetch " + url + ": " + e.getMessage(), e);
        }
    }
}
