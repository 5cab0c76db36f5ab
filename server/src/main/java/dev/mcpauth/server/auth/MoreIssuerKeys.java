package dev.mcpauth.server.auth;

import java.util.Map;

/**
 * The key sources of the issuers after the first in {@code mcp.auth.issuer}, by issuer identifier
 * in configured order (empty with one issuer). The first issuer's source stays the
 * {@link JwksKeySource} bean.
 */
public record MoreIssuerKeys(Map<String, JwksKeySource> byIssuer) {

    /** True when every one of these issuers has keys (readiness needs all configured issuers). */
    public boolean allHaveKeys() {
        return byIssuer.values().stream().allMatch(JwksKeySource::hasKeys);
    }
}
