package dev.mcpauth.server.support;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The server settings of the running {@link WithTestIssuer} class, found by MicroProfile Config
 * through {@code META-INF/services}; empty when no such class runs. Ordinal 1000, like
 * {@link TestConfig#source}, so it beats {@code microprofile-config.properties}.
 */
public final class TestIssuerConfigSource implements ConfigSource {

    private static volatile Map<String, String> values = Map.of();

    static void use(Map<String, String> settings) {
        values = Map.copyOf(settings);
    }

    static void clear() {
        values = Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "test-issuer";
    }

    @Override
    public int getOrdinal() {
        return 1000;
    }
}
