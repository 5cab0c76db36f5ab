package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import dev.mcpauth.server.config.UrlRules;

/**
 * Finds the JWKS URL from the issuer's metadata when {@code mcp.auth.jwks-uri} is not set (and the
 * introspection endpoint when {@code mcp.auth.introspection-endpoint} is not set), probing
 * in MCP order (RS-07): RFC 8414 with the path inserted
 * ({@code /.well-known/oauth-authorization-server{path}}), then OpenID Connect Discovery
 * ({@code {issuer}/.well-known/openid-configuration}). A document whose {@code issuer} differs
 * from the configured issuer is ignored (RFC 8414 §3.3), and so is a non-https URL
 * off loopback (the settings' own loopback rule: {@code 127.x.y.z}, not a name such as
 * {@code 127.attacker.example}).
 */
final class IssuerMetadataDiscovery {

    private static final Logger LOGGER = Logger.getLogger(IssuerMetadataDiscovery.class.getName());

    private final HttpJson http;
    private final String issuer;

    IssuerMetadataDiscovery(HttpJson http, String issuer) {
        this.http = http;
        this.issuer = issuer;
    }

    /** The candidate metadata URLs, in probing order. */
    List<URI> candidates() {
        URI uri = URI.create(issuer);
        String path = Optional.ofNullable(uri.getRawPath()).orElse("");
        String trimmedPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return List.of(URI.create(origin + "/.well-known/oauth-authorization-server" + trimmedPath),
                       URI.create(base + "/.well-known/openid-configuration"));
    }

    URI discoverJwksUri() throws IOException {
        return discover("jwks_uri");
    }

    /** The URL in the metadata field {@code field} ({@code jwks_uri}, {@code introspection_endpoint}). */
    URI discover(String field) throws IOException {
        StringBuilder failures = new StringBuilder();
        for (URI candidate : candidates()) {
            try {
                Optional<URI> found = endpointFrom(http.getObject(candidate), candidate, field);
                if (found.isPresent()) {
                    LOGGER.info(() -> "discovered " + field + " " + found.get() + " from " + candidate);
                    return found.get();
                }
                failures.append(candidate).append(": issuer or ").append(field).append(" unusable; ");
            } catch (IOException e) {
                failures.append(e.getMessage()).append("; ");
            }
        }
        throw new IOException("no usable metadata for issuer " + issuer + ": " + failures);
    }

    private Optional<URI> endpointFrom(Map<String, Object> metadata, URI source, String field) {
        if (!issuer.equals(metadata.get("issuer"))) {
            // the value comes from another server: reduced to a safe character set, so a line
            // break in it cannot forge log lines
            Object named = metadata.get("issuer");
            LOGGER.warning(() -> source + " names issuer " + AuthDecisionLog.safe(named == null ? null : named.toString())
                    + ", expected " + issuer);
            return Optional.empty();
        }
        if (!(metadata.get(field) instanceof String text)) {
            return Optional.empty();
        }
        try {
            URI jwks = URI.create(text);
            boolean secure = "https".equals(jwks.getScheme())
                    || ("http".equals(jwks.getScheme()) && jwks.getHost() != null && UrlRules.isLoopbackHost(jwks.getHost()));
            return secure ? Optional.of(jwks) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
