package dev.mcpauth.server.config;

import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;

/**
 * Where settings come from: MicroProfile Config in the server, a plain map in unit tests.
 * Blank values count as absent, so an empty environment variable never overrides a default.
 */
public interface SettingsSource {

    /** The trimmed value of {@code key}, if present and not blank. */
    Optional<String> value(String key);

    /** Whether any key starts with {@code prefix} (used to detect {@code server.tls.*}). */
    boolean hasKeyWithPrefix(String prefix);

    static SettingsSource of(Config config) {
        return new SettingsSource() {
            @Override
            public Optional<String> value(String key) {
                return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
            }

            @Override
            public boolean hasKeyWithPrefix(String prefix) {
                return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                        .anyMatch(name -> name.startsWith(prefix));
            }
        };
    }

    static SettingsSource of(Map<String, String> values) {
        return new SettingsSource() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
            }

            @Override
            public boolean hasKeyWithPrefix(String prefix) {
                return values.keySet().stream().anyMatch(name -> name.startsWith(prefix));
            }
        };
    }
}
