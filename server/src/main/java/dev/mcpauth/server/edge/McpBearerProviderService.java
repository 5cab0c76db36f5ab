package dev.mcpauth.server.edge;

import io.helidon.common.config.Config;
import io.helidon.security.spi.SecurityProvider;
import io.helidon.security.spi.SecurityProviderService;

/**
 * Lets Helidon build {@link McpBearerProvider} from {@code security.providers} configuration
 * ({@code type: mcp-bearer}); registered in {@code META-INF/services}. The provider reads its
 * settings from the {@code mcp.*} keys, so its own config node may be empty.
 */
public final class McpBearerProviderService implements SecurityProviderService {

    public static final String PROVIDER_KEY = "mcp-bearer";

    @Override
    public String providerConfigKey() {
        return PROVIDER_KEY;
    }

    @Override
    public Class<? extends SecurityProvider> providerClass() {
        return McpBearerProvider.class;
    }

    @Override
    public SecurityProvider providerInstance(Config config) {
        return new McpBearerProvider();
    }
}
