package dev.mcpauth.conformance.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** URL arithmetic of RFC 9728 §3.1 (PRM) and RFC 8414 §3 / OIDC Discovery (AS metadata). */
public final class Discovery {
    public static final String PRM_SUFFIX = "/.well-known/oauth-protected-resource";

    private Discovery() {
    }

    /** The path-inserted PRM URL: {@code https://h/a/b} → {@code https://h/.well-known/oauth-protected-resource/a/b}. */
    public static URI pathInsertedPrm(URI resource) {
        String path = Optional.ofNullable(resource.getRawPath()).orElse("");
        if (path.equals("/")) {
            path = "";
        }
        String query = resource.getRawQuery() == null ? "" : "?" + resource.getRawQuery();
        return URI.create(origin(resource) + PRM_SUFFIX + path + query);
    }

    /** The root PRM URL: {@code https://h/.well-known/oauth-protected-resource}. */
    public static URI rootPrm(URI resource) {
        return URI.create(origin(resource) + PRM_SUFFIX);
    }

    /**
     * The resource identifier a well-known PRM location was derived from (RFC 9728 §3.3 ¶1),
     * or empty when the URL is not a well-known PRM location.
     */
    public static Optional<String> resourceForLocation(URI location) {
        String path = Optional.ofNullable(location.getRawPath()).orElse("");
        if (!path.startsWith(PRM_SUFFIX) || (path.length() > PRM_SUFFIX.length() && path.charAt(PRM_SUFFIX.length()) != '/')) {
            return Optional.empty();
        }
        String rest = path.substring(PRM_SUFFIX.length());
        String query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
        return Optional.of(origin(location) + rest + query);
    }

    /** Where AS metadata may live for an issuer, in the order MCP clients probe (RS-07). */
    public static List<Candidate> authorizationServerMetadata(URI issuer) {
        String path = Optional.ofNullable(issuer.getRawPath()).orElse("");
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String origin = origin(issuer);
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate(URI.create(origin + "/.well-known/oauth-authorization-server" + path), false));
        out.add(new Candidate(URI.create(origin + "/.well-known/openid-configuration" + path), true));
        if (!path.isEmpty()) {
            out.add(new Candidate(URI.create(origin + path + "/.well-known/openid-configuration"), true));
        }
        return out;
    }

    /** One AS metadata location; {@code oidc} when it is an OpenID Connect Discovery document. */
    public record Candidate(URI url, boolean oidc) {
    }

    /** {@code scheme://authority} as sent (no normalisation: the suite compares exact strings). */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Loopback hosts, for which plain http is tolerated in test runs. */
    public static boolean isLoopback(URI uri) {
        String host = Optional.ofNullable(uri.getHost()).orElse("");
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
