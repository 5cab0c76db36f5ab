package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Where the JWKS lives: configured ({@code mcp.auth.jwks-uri}) or discovered from the issuer's
 * metadata on first use and then remembered.
 */
interface JwksLocation {

    URI resolve() throws IOException;

    Optional<URI> known();

    static JwksLocation fixed(URI uri) {
        return new JwksLocation() {
            @Override
            public URI resolve() {
                return uri;
            }

            @Override
            public Optional<URI> known() {
                return Optional.of(uri);
            }
        };
    }

    static JwksLocation discovered(IssuerMetadataDiscovery discovery) {
        return new JwksLocation() {
            private volatile Optional<URI> found = Optional.empty();

            @Override
            public URI resolve() throws IOException {
                if (found.isEmpty()) {
                    found = Optional.of(discovery.discoverJwksUri());
                }
                return found.get();
            }

            @Override
            public Optional<URI> known() {
                return found;
            }
        };
    }
}
