package dev.mcpauth.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Small URL predicates shared by the settings checks and issuer discovery. */
public final class UrlRules {

    private UrlRules() {
    }

    /** Parses an absolute {@code http} or {@code https} URL with a host, or returns empty. */
    static Optional<URI> absoluteHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code [::1]}: traffic that never leaves the machine. */
    public static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    static boolean isPlainHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme());
    }

    static boolean hasQueryOrFragment(URI uri) {
        return uri.getRawQuery() != null || uri.getRawFragment() != null;
    }

    /** An https URL, or an http URL on loopback (for local testing). */
    static boolean isSecureOrLoopback(URI uri) {
        return !isPlainHttp(uri) || isLoopbackHost(uri.getHost());
    }

    /** {@code scheme://host[:port]} with nothing after it, as browsers send in {@code Origin}. */
    static boolean isOrigin(String text) {
        return absoluteHttpUrl(text)
                .filter(uri -> uri.getRawPath() == null || uri.getRawPath().isEmpty())
                .filter(uri -> !hasQueryOrFragment(uri) && uri.getRawUserInfo() == null)
                .isPresent();
    }
}
