package dev.mcpauth.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway PKCS12 keystore made at test time with the JDK's own {@code keytool}: one EC key
 * and a self-signed certificate for {@code 127.0.0.1} and {@code localhost}, valid for two days.
 * Nothing is checked in; the passphrase is random per run.
 */
public final class TestKeystore {

    public static final String ALIAS = "mcp";

    private final Path path;
    private final String passphrase;

    private TestKeystore(Path path, String passphrase) {
        this.path = path;
        this.passphrase = passphrase;
    }

    public static TestKeystore generate() {
        try {
            Path dir = Files.createTempDirectory("mcp-tls-");
            dir.toFile().deleteOnExit();
            Path keystore = dir.resolve("server.p12");
            String passphrase = UUID.randomUUID().toString();
            runKeytool(keystore, passphrase);
            keystore.toFile().deleteOnExit();
            return new TestKeystore(keystore, passphrase);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a test keystore", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Helidon's {@code server.tls.*} keys for this keystore. */
    public Map<String, String> serverTlsConfig() {
        return Map.of("server.tls.private-key.keystore.resource.path", path.toString(),
                      "server.tls.private-key.keystore.passphrase", passphrase,
                      "server.tls.private-key.keystore.key.alias", ALIAS);
    }

    /** A client context that trusts exactly this keystore's certificate (and checks the host name). */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(in, passphrase.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, server.getCertificate(ALIAS));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test keystore", e);
        }
    }

    private static void runKeytool(Path keystore, String passphrase) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", passphrase, "-keypass", passphrase))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
