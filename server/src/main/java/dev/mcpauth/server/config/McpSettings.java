package dev.mcpauth.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checked configuration of the resource server. Everything URL-shaped derives from the one
 * canonical {@link #resource()}: the route, the PRM {@code resource}, the
 * {@code resource_metadata} URL and the expected audience.
 *
 * @param resource               canonical MCP URL, exactly as configured (RS-04, RS-05, RS-53)
 * @param issuer                 the one trusted issuer, compared exactly with {@code iss} (RS-47)
 * @param jwksUri                explicit JWKS location; empty means discover it from the issuer metadata
 * @param scopesSupported        advertised in the PRM (RS-08)
 * @param tokenType              {@code typ} profile (RS-48)
 * @param clockSkew              leeway for {@code exp} and {@code nbf} (RS-37, RS-38)
 * @param allowedOrigins         browser origins allowed besides the resource's own (RS-67)
 * @param resourceName           human-readable name for the PRM
 * @param jwksRefreshMinInterval at most one unknown-{@code kid} refetch per interval (RS-46)
 * @param jwksCacheTtl           cached keys are refreshed after this age; kept if the refresh fails
 * @param verifiedTokenCacheTtl  how long a verified token is served from the cache without a new
 *                               signature check (never past its {@code exp}); zero turns the cache off
 * @param upstreamUrl            optional upstream API for {@code fetch_upstream}; called with the
 *                               server's own credential, never the client's token (RS-58)
 * @param fixturesEnabled        serve the official conformance suite's fixture tools, resources and
 *                               prompts ({@code mcp.fixtures.enabled}, off by default)
 * @param moreIssuers            further trusted issuers after {@code issuer} ({@code mcp.auth.issuer} is
 *                               comma-separated); each has its own discovered key set
 */
public record McpSettings(URI resource,
                          URI issuer,
                          Optional<URI> jwksUri,
                          List<String> scopesSupported,
                          TokenTypeProfile tokenType,
                          Duration clockSkew,
                          Set<String> allowedOrigins,
                          String resourceName,
                          Duration jwksRefreshMinInterval,
                          Duration jwksCacheTtl,
                          Duration verifiedTokenCacheTtl,
                          Optional<URI> upstreamUrl,
                          boolean fixturesEnabled,
                          List<URI> moreIssuers) {

    /** The path served for MCP; {@code mcp.resource} must end in exactly this path. */
    public static final String MCP_PATH = "/mcp";

    /** The RFC 9728 well-known prefix. */
    public static final String PRM_WELL_KNOWN = "/.well-known/oauth-protected-resource";

    public McpSettings {
        scopesSupported = List.copyOf(scopesSupported);
        allowedOrigins = Set.copyOf(allowedOrigins);
        moreIssuers = List.copyOf(moreIssuers);
    }

    /** One trusted issuer only (the form every caller used before {@code moreIssuers}). */
    public McpSettings(URI resource, URI issuer, Optional<URI> jwksUri, List<String> scopesSupported,
                       TokenTypeProfile tokenType, Duration clockSkew, Set<String> allowedOrigins, String resourceName,
                       Duration jwksRefreshMinInterval, Duration jwksCacheTtl, Duration verifiedTokenCacheTtl,
                       Optional<URI> upstreamUrl, boolean fixturesEnabled) {
        this(resource, issuer, jwksUri, scopesSupported, tokenType, clockSkew, allowedOrigins, resourceName,
             jwksRefreshMinInterval, jwksCacheTtl, verifiedTokenCacheTtl, upstreamUrl, fixturesEnabled, List.of());
    }

    /** Every trusted issuer, the first ({@link #issuer()}) first, in configured order (PRM order). */
    public List<String> issuerIds() {
        List<String> all = new ArrayList<>(List.of(issuerId()));
        moreIssuers.forEach(other -> all.add(other.toString()));
        return List.copyOf(all);
    }

    /** These settings for one of the other issuers alone (its own key set and {@code iss} check). */
    public McpSettings forIssuer(URI other) {
        return new McpSettings(resource, other, Optional.empty(), scopesSupported, tokenType, clockSkew, allowedOrigins,
                               resourceName, jwksRefreshMinInterval, jwksCacheTtl, verifiedTokenCacheTtl, upstreamUrl,
                               fixturesEnabled);
    }

    /** The canonical resource identifier as a string, for exact comparisons. */
    public String resourceId() {
        return resource.toString();
    }

    /** The issuer identifier as a string, for exact comparisons. */
    public String issuerId() {
        return issuer.toString();
    }

    /** RFC 9728 §3.1: the well-known prefix inserted between the host and the resource path. */
    public String protectedResourceMetadataUrl() {
        return resourceOrigin() + PRM_WELL_KNOWN + resource.getRawPath();
    }

    /** {@code scheme://host[:port]} of the resource, which is always an allowed Origin. */
    public String resourceOrigin() {
        return resource.getScheme() + "://" + resource.getRawAuthority();
    }
}
