package dev.mcpauth.bench;

import io.helidon.common.config.Config;
import io.helidon.security.spi.SecurityProvider;
import io.helidon.security.spi.SecurityProviderService;

/** BENCHMARK ONLY: registers {@link FixedPrincipalProvider} as {@code type: bench-fixed-principal}. */
public final class FixedPrincipalProviderService implements SecurityProviderService {
    @Override
    public String providerConfigKey() {
        return "bench-fixed-principal";
    }

    @Override
    public Class<? extends SecurityProvider> providerClass() {
        return FixedPrincipalProvider.class;
    }

    @Override
    public SecurityProvider providerInstance(Config config) {
        return new FixedPrincipalProvider(System.getProperty("mcp.auth.issuer", "https://bench.invalid"));
    }
}
