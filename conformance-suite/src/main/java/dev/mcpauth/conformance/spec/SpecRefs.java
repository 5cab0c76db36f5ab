package dev.mcpauth.conformance.spec;


import java.util.Map;

/**
 * The one table from compact requirement ids to URLs. Ids are greppable and stable:
 * {@code RFC6750-3.1}, {@code OAUTH21-5.2}, and MCP pages as {@code MCP-authorization#anchor},
 * which resolve per spec version to {@code MCP-2025-11-25-authorization#anchor}.
 */
public final class SpecRefs {
    private static final String RFC = "https://www.rfc-editor.org/rfc/";
    private static final String OAUTH21 = "https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13";
    private static final Map<String, String> DOCS = Map.ofEntries(
            Map.entry("RFC3986", "rfc3986"), Map.entry("RFC6750", "rfc6750"), Map.entry("RFC6585", "rfc6585"), Map.entry("RFC7515", "rfc7515"),
            Map.entry("RFC7519", "rfc7519"), Map.entry("RFC7662", "rfc7662"), Map.entry("RFC8414", "rfc8414"), Map.entry("RFC8707", "rfc8707"),
            Map.entry("RFC8725", "rfc8725"), Map.entry("RFC9068", "rfc9068"), Map.entry("RFC9110", "rfc9110"),
            Map.entry("RFC9728", "rfc9728"));
    private static final Map<String, String> MCP_PAGES = Map.of(
            "authorization", "basic/authorization",
            "transports", "basic/transports",
            "security", "basic/security_best_practices");
    /** 2026-07-28 split the authorization page and gave each transport its own page. */
    private static final Map<String, String> MCP_PAGES_2607 = Map.of(
            "authorization", "basic/authorization",
            "transports", "basic/transports/streamable-http",
            "security", "basic/authorization/security-considerations");

    private SpecRefs() {
    }

    /**
     * Resolves an id: {@code RFC6750-3.1}, {@code OAUTH21-5.3}, or {@code MCP-<page>[#anchor]} with
     * page {@code authorization}, {@code transports} or {@code security}.
     */
    public static SpecReference resolve(String id, SpecVersion specVersion) {
        if (id.startsWith("MCP-")) {
            String rest = id.substring(4);
            String page = rest.contains("#") ? rest.substring(0, rest.indexOf('#')) : rest;
            String anchor = rest.contains("#") ? rest.substring(rest.indexOf('#')) : "";
            String path = (specVersion == SpecVersion.V2026_07_28 ? MCP_PAGES_2607 : MCP_PAGES).get(page);
            if (path == null) {
                throw new IllegalArgumentException("unknown MCP page in spec reference " + id);
            }
            return new SpecReference("MCP-" + specVersion + "-" + page + anchor,
                    "https://modelcontextprotocol.io/specification/" + specVersion + "/" + path + anchor);
        }
        if (id.startsWith("OAUTH21-")) {
            return new SpecReference(id, OAUTH21 + "#section-" + id.substring(8));
        }
        int dash = id.indexOf('-');
        String doc = dash < 0 ? null : DOCS.get(id.substring(0, dash));
        if (doc == null) {
            throw new IllegalArgumentException("unknown spec reference " + id);
        }
        return new SpecReference(id, RFC + doc + "#section-" + id.substring(dash + 1));
    }
}
