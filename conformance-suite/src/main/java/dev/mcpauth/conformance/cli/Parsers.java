package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.TokenFormat;
import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.options.ProtectedUrl;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.TypProfile;
import dev.mcpauth.conformance.spec.SpecVersion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How option values are read and checked; every error names the option and never touches the network. */
final class Parsers {
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(600);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private Parsers() {
    }

    static String text(String option, String value) {
        return value;
    }

    static String nonBlank(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value.strip();
    }

    /** An absolute http or https URL with a host, without credentials or fragment. */
    static URI url(String option, String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(option + " '" + value + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException(option + " '" + value + "' must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UsageException(option + " '" + value + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException(option + " must not carry credentials in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new UsageException(option + " '" + value + "' must not have a #fragment");
        }
        return uri;
    }

    static SpecVersion specVersion(String option, String value) throws UsageException {
        return SpecVersion.find(value).orElseThrow(() -> new UsageException("unsupported " + option + " '" + value
                + "'; use one of " + SpecVersion.runnableLabels()));
    }

    static Path path(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value + "' is not a valid path");
        }
    }

    static Path readableFile(String option, String value) throws UsageException {
        Path p = path(option, value);
        if (!Files.isReadable(p)) {
            throw new UsageException(option + " " + p + " is not a readable file");
        }
        return p;
    }

    /** A duration in seconds (decimals allowed), more than 0 and at most 600, rounded up to a millisecond. */
    static Duration seconds(String option, String value) throws UsageException {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a number of seconds");
        }
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            throw new UsageException(option + " must be more than 0 and at most " + MAX_SECONDS + " seconds");
        }
        return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
    }

    static TypProfile typProfile(String option, String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "lenient" -> TypProfile.LENIENT;
            case "rfc9068" -> TypProfile.RFC9068;
            default -> throw new UsageException(option + " '" + value + "' must be lenient or rfc9068");
        };
    }

    static int port(String option, String value) throws UsageException {
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a port number");
        }
        throw new UsageException(option + " must be between 1 and 65535");
    }

    static String oneScope(String option, String value) throws UsageException {
        String s = value.strip();
        if (s.isEmpty() || s.contains(" ")) {
            throw new UsageException(option + " must be one scope");
        }
        return s;
    }

    /** A comma-separated list of scenario or check ids, each trimmed and well formed. */
    static List<String> ids(String option, String value) throws UsageException {
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",", -1)) {
            String trimmed = id.strip();
            if (trimmed.isEmpty()) {
                throw new UsageException(option + " '" + value + "' has an empty id");
            }
            if (!ID.matcher(trimmed).matches()) {
                throw new UsageException(option + " '" + trimmed + "' is not an id");
            }
            ids.add(trimmed);
        }
        return ids;
    }

    /** {@code NAME} or {@code NAME=SCOPE,SCOPE...}: a tool the operator declares safe to call (see {@link ToolHint}). */
    static ToolHint toolHint(String option, String value) throws UsageException {
        try {
            return ToolHint.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static TokenTyp tokenTyp(String option, String value) throws UsageException {
        return TokenTyp.find(value).orElseThrow(() -> new UsageException(option + " '" + value
                + "' must be at+jwt, JWT or none"));
    }

    /** {@code URL} or {@code URL,METHOD}: a non-MCP URL whose bearer edge the run also judges. */
    static ProtectedUrl protectedUrl(String option, String value) throws UsageException {
        int comma = value.lastIndexOf(',');
        String method = comma < 0 ? "" : value.substring(comma + 1);
        URI url = url(option, comma < 0 ? value : value.substring(0, comma));
        try {
            return ProtectedUrl.parse(url, method);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + value + "': " + e.getMessage());
        }
    }

    static TokenFormat tokenFormat(String option, String value) throws UsageException {
        return TokenFormat.parse(value).orElseThrow(() -> new UsageException(option + " '" + value
                + "' must be jwt or opaque"));
    }
}
