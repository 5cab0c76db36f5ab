package dev.mcpauth.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code mcp.store.*} keys. The HTTP server checks them with the rest at startup
 * ({@link SettingsReader}); the STDIO adapter reads only these.
 */
public final class StoreSettingsReader {

    public static final String STORE = "mcp.store";
    public static final String H2_DIRECTORY = "mcp.store.h2.directory";
    public static final String POSTGRESQL_URL = "mcp.store.postgresql.url";
    public static final String POSTGRESQL_USER = "mcp.store.postgresql.user";
    public static final String POSTGRESQL_PASSWORD = "mcp.store.postgresql.password";

    /** Relative to the working directory of the server. */
    static final String DEFAULT_H2_DIRECTORY = "data";
    private static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql://";

    private StoreSettingsReader() {
    }

    /** The store settings, or {@link SettingsRefusedException} naming every problem. */
    public static StoreSettings read(SettingsSource source) {
        List<String> problems = new ArrayList<>();
        StoreSettings settings = read(source, problems);
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        return settings;
    }

    static StoreSettings read(SettingsSource source, List<String> problems) {
        String kind = source.value(STORE).orElse("h2").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "h2" -> new StoreSettings.H2(directory(source, problems));
            case "postgresql" -> postgreSql(source, problems);
            default -> {
                problems.add(STORE + " must be h2 or postgresql, got " + kind);
                yield new StoreSettings.H2(Path.of(DEFAULT_H2_DIRECTORY));
            }
        };
    }

    private static Path directory(SettingsSource source, List<String> problems) {
        String text = source.value(H2_DIRECTORY).orElse(DEFAULT_H2_DIRECTORY);
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(H2_DIRECTORY + " is not a usable directory name: " + text);
            return Path.of(DEFAULT_H2_DIRECTORY);
        }
    }

    private static StoreSettings postgreSql(SettingsSource source, List<String> problems) {
        Optional<String> url = source.value(POSTGRESQL_URL);
        if (url.isEmpty()) {
            problems.add(POSTGRESQL_URL + " is required when " + STORE + "=postgresql (e.g. jdbc:postgresql://db:5432/mcp)");
        } else if (!url.get().startsWith(POSTGRESQL_URL_PREFIX) || url.get().length() == POSTGRESQL_URL_PREFIX.length()) {
            problems.add(POSTGRESQL_URL + " must start with " + POSTGRESQL_URL_PREFIX + " and name a host, got "
                    + withoutQuery(url.get()));
        }
        if (source.value(STORE + ".h2.directory").isPresent()) {
            problems.add(H2_DIRECTORY + " is set but " + STORE + "=postgresql; remove one of them");
        }
        return new StoreSettings.PostgreSql(url.orElse(POSTGRESQL_URL_PREFIX), source.value(POSTGRESQL_USER),
                                            source.value(POSTGRESQL_PASSWORD));
    }

    /** A JDBC URL may carry {@code password=} in its query; an error message never shows it. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
