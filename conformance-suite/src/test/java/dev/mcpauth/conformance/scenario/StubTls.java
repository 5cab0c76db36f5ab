package dev.mcpauth.conformance.scenario;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway self-signed certificate for 127.0.0.1, made once per test JVM with the JDK's
 * {@code keytool}: the stub serves https with it, and the suite trusts it through
 * {@code --trust-cert} (the PEM file).
 */
final class StubTls {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static StubTls instance;

    private final SSLContext serverContext;
    private final Path certificate;

    private StubTls(SSLContext serverContext, Path certificate) {
        this.serverContext = serverContext;
        this.certificate = certificate;
    }

    static synchronized StubTls get() {
        if (instance == null) {
            try {
                instance = create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    /** The certificate, PEM, for {@code --trust-cert}. */
    Path certificate() {
        return certificate;
    }

    private static StubTls create() throws IOException {
        Path dir = Files.createTempDirectory("stub-tls");
        dir.toFile().deleteOnExit();
        Path store = dir.resolve("stub.p12");
        Path pem = dir.resolve("stub.pem");
        keytool("-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "stub", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        store.toFile().deleteOnExit();
        pem.toFile().deleteOnExit();
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new StubTls(ctx, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the stub keystore: " + e.getMessage(), e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
