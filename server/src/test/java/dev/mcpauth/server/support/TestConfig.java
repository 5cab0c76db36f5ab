package dev.mcpauth.server.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** A high-priority config source for {@code @AddConfigSource}: the test's issuer, port 0. */
public final class TestConfig {

    /** The canonical resource every test server is configured with. */
    public static final String RESOURCE = "http://127.0.0.1:8080/mcp";
    public static final String PRM_URL = "http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp";

    private TestConfig() {
    }

    /** Config for a server that trusts {@code issuer} and reads its JWKS directly. */
    public static ConfigSource trusting(TestIssuer issuer, Map<String, String> overrides) {
        return source(trustingValues(issuer, overrides));
    }

    /** The settings of {@link #trusting}; an empty override drops a default. */
    static Map<String, String> trustingValues(TestIssuer issuer, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        values.put("mcp.resource", RESOURCE);
        values.put("mcp.auth.issuer", issuer.issuer());
        values.put("mcp.auth.jwks-uri", issuer.jwksUri());
        values.put("mcp.allowed-origins", "http://localhost:6274");
        values.put("mcp.auth.client-id", OpaqueTokens.CLIENT_ID);
        values.put("mcp.auth.client-secret", issuer.opaque().clientSecret());
        values.putAll(overrides);
        values.values().removeIf(String::isEmpty);
        return values;
    }

    public static ConfigSource source(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return copy.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return copy.get(propertyName);
            }

            @Override
            public String getName() {
                return "test-config";
            }

            @Override
            public int getOrdinal() {
                return 1000;
            }
        };
    }
}
