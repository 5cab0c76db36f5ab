package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.issuer.TestIssuer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Starts the real suite test issuer ({@link TestIssuer}) for the {@code issuer} command. */
public final class TestIssuerLauncher implements IssuerLauncher {

    @Override
    public Running start(String host, int port, Optional<Path> keysFile) throws IOException {
        TestIssuer issuer = TestIssuer.start(host, port, keysFile);
        return new Running() {
            @Override
            public String issuerUrl() {
                return issuer.issuerUrl().toString();
            }

            @Override
            public String jwksUrl() {
                return issuer.jwksUrl().toString();
            }

            @Override
            public void close() {
                issuer.close();
            }
        };
    }
}
