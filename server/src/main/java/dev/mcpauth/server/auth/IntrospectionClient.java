package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the authorization server about a token (RFC 7662 §2.1): {@code POST token=…&token_type_hint=access_token}
 * to the introspection endpoint, authenticated with the server's own client credentials
 * ({@code client_secret_basic}, RFC 6749 §2.3.1: id and secret form-encoded, then Base64). The
 * endpoint is configured, or read once from the issuer metadata's {@code introspection_endpoint}
 * (rediscovered after a failure). The token is sent only in the body and never in a message.
 */
final class IntrospectionClient {

    private final HttpJson http;
    private final Optional<URI> configured;
    private final Optional<IssuerMetadataDiscovery> discovery;
    private final String authorization;
    private final AtomicReference<URI> discovered = new AtomicReference<>();

    IntrospectionClient(HttpJson http, Optional<URI> configured, IssuerMetadataDiscovery discovery,
                        String clientId, String clientSecret) {
        this.http = http;
        this.configured = configured;
        this.discovery = configured.isPresent() ? Optional.empty() : Optional.of(discovery);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
    }

    /** The introspection answer as a JSON object; {@link IOException} when there is none. */
    Map<String, Object> introspect(String token) throws IOException {
        URI endpoint = endpoint();
        try {
            return http.postForm(endpoint, authorization,
                                 "token=" + formEncode(token) + "&token_type_hint=access_token");
        } catch (IOException e) {
            discovered.set(null);
            throw e;
        }
    }

    private URI endpoint() throws IOException {
        if (configured.isPresent()) {
            return configured.get();
        }
        URI known = discovered.get();
        if (known != null) {
            return known;
        }
        URI found = discovery.orElseThrow().discover("introspection_endpoint");
        discovered.set(found);
        return found;
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
