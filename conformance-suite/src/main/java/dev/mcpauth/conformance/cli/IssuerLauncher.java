package dev.mcpauth.conformance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Starts the suite's test issuer for the {@code issuer} command. */
@FunctionalInterface
public interface IssuerLauncher {

    /** A started issuer. */
    interface Running extends AutoCloseable {
        /** Its issuer identifier, e.g. {@code http://127.0.0.1:9400}. */
        String issuerUrl();

        /** The URL of its JWKS. */
        String jwksUrl();

        /** Stops it; must not throw. */
        @Override
        void close();
    }

    /**
     * @param host     address to bind
     * @param port     TCP port; 0 for any free port
     * @param keysFile where to keep the signing keys across restarts (created if missing)
     */
    Running start(String host, int port, Optional<Path> keysFile) throws IOException;
}
