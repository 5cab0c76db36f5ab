package dev.mcpauth.server.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@code mcp.resource} against what this server can actually be (RS-05, RS-13): an
 * absolute URL, no query or fragment, lower-case scheme and host, the path this
 * server routes ({@code /mcp}, no trailing slash), and https unless it stays on loopback.
 */
final class ResourceUrlCheck {

    private static final String KEY = SettingsReader.RESOURCE;

    private final SettingsSource source;
    private final List<String> problems;

    ResourceUrlCheck(SettingsSource source, List<String> problems) {
        this.source = source;
        this.problems = problems;
    }

    URI check(String text) {
        Optional<URI> parsed = UrlRules.absoluteHttpUrl(text);
        if (parsed.isEmpty()) {
            problems.add(KEY + " must be an absolute http(s) URL, got " + text);
            return URI.create(SettingsReader.DEFAULT_RESOURCE);
        }
        URI uri = parsed.get();
        if (UrlRules.hasQueryOrFragment(uri) || uri.getRawUserInfo() != null) {
            problems.add(KEY + " must not have user info, a query or a fragment");
        }
        if (!uri.getScheme().equals(uri.getScheme().toLowerCase(Locale.ROOT))
                || !uri.getHost().equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            problems.add(KEY + " must use a lower-case scheme and host (clients compare it exactly)");
        }
        checkPath(uri.getRawPath());
        checkTransport(uri);
        checkLoopbackPort(uri);
        return uri;
    }

    /**
     * A loopback resource is served by this very process, so its port must be {@code server.port}
     * (port 0, "any free port", is exempt: tests).
     */
    private void checkLoopbackPort(URI uri) {
        if (!UrlRules.isLoopbackHost(uri.getHost())) {
            return;
        }
        int resourcePort = uri.getPort() != -1 ? uri.getPort() : UrlRules.isPlainHttp(uri) ? 80 : 443;
        source.value("server.port").filter(p -> p.matches("\\d{1,5}")).map(Integer::parseInt)
                .filter(serverPort -> serverPort != 0 && serverPort != resourcePort)
                .ifPresent(serverPort -> problems.add(KEY + " is on loopback port " + resourcePort
                        + " but server.port is " + serverPort + ", so the resource would not be served"));
    }

    private void checkPath(String path) {
        if ((McpSettings.MCP_PATH + "/").equals(path)) {
            problems.add(KEY + " has a trailing slash; this server serves " + McpSettings.MCP_PATH
                    + " and clients compare the resource exactly");
        } else if (!McpSettings.MCP_PATH.equals(path)) {
            problems.add(KEY + " path must be " + McpSettings.MCP_PATH + " (the route this server serves), got '"
                    + path + "'");
        }
    }

    private void checkTransport(URI uri) {
        boolean tls = TlsCheck.isEnabled(source);
        if (UrlRules.isPlainHttp(uri) && !UrlRules.isLoopbackHost(uri.getHost()) && !tls) {
            problems.add(KEY + " uses http:// on non-loopback host " + uri.getHost()
                    + " without TLS; use https:// and configure server.tls.*");
        }
        if (UrlRules.isPlainHttp(uri) && tls) {
            problems.add(KEY + " uses http:// but server.tls.* is configured; use https://");
        }
        checkPlainHttpStaysOnLoopback(uri, tls);
    }

    /**
     * Plain http is tolerated only because a loopback resource never leaves the machine; a
     * {@code server.host} that listens beyond loopback would serve it (and its tokens) to the network.
     */
    private void checkPlainHttpStaysOnLoopback(URI uri, boolean tls) {
        if (!UrlRules.isPlainHttp(uri) || tls) {
            return;
        }
        source.value("server.host").map(String::strip).filter(host -> !UrlRules.isLoopbackHost(host))
                .ifPresent(host -> problems.add(KEY + " uses http:// but server.host " + host
                        + " listens beyond loopback; keep server.host on loopback or use https:// with server.tls.*"));
    }
}
