package dev.mcpauth.conformance.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * A TLS context that trusts exactly the X.509 certificates of one file (PEM or DER), for https
 * targets with a self-signed or private-CA certificate (a local test server, an end-to-end run).
 */
public final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /**
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Path certificates) throws IOException {
        try (InputStream in = Files.newInputStream(certificates)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + certificates);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the certificates in " + certificates + ": " + e.getMessage(), e);
        }
    }
}
