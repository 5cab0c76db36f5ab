package dev.mcpauth.server.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code mcp.api.resource}: an absolute http(s) URL on the same origin as
 * {@code mcp.resource} (one server serves both), with the path {@value ApiSettings#API_PATH},
 * no query or fragment, https unless on loopback.
 */
public final class ApiSettingsReader {

    public static final String API_RESOURCE = "mcp.api.resource";

    private ApiSettingsReader() {
    }

    public static ApiSettings read(SettingsSource source) {
        List<String> problems = new ArrayList<>();
        ApiSettings settings = read(source, problems);
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        return settings;
    }

    static ApiSettings read(SettingsSource source, List<String> problems) {
        Optional<String> text = source.value(API_RESOURCE);
        if (text.isEmpty()) {
            return new ApiSettings(Optional.empty());
        }
        Optional<URI> uri = UrlRules.absoluteHttpUrl(text.get());
        if (uri.isEmpty()) {
            problems.add(API_RESOURCE + " must be an absolute http(s) URL, got " + text.get());
            return new ApiSettings(Optional.empty());
        }
        if (UrlRules.hasQueryOrFragment(uri.get())) {
            problems.add(API_RESOURCE + " must not have a query or fragment");
        }
        if (!UrlRules.isSecureOrLoopback(uri.get())) {
            problems.add(API_RESOURCE + " must use https:// (http:// is only allowed on loopback)");
        }
        if (!ApiSettings.API_PATH.equals(uri.get().getRawPath())) {
            problems.add(API_RESOURCE + " must end in exactly " + ApiSettings.API_PATH + ", got " + text.get());
        }
        String mcpResource = source.value(SettingsReader.RESOURCE).orElse(SettingsReader.DEFAULT_RESOURCE);
        Optional<URI> mcp = UrlRules.absoluteHttpUrl(mcpResource);
        if (mcp.isPresent() && !origin(mcp.get()).equals(origin(uri.get()))) {
            problems.add(API_RESOURCE + " must be on the same origin as " + SettingsReader.RESOURCE + " ("
                    + origin(mcp.get()) + "), got " + origin(uri.get()));
        }
        return new ApiSettings(uri);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
