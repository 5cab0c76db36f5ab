package dev.mcpauth.conformance.fuzz;

import java.util.Locale;

/** What one fuzzed request varies, for the per-family counts of the report. */
public enum FuzzFamily {
    /** {@code Authorization}: schemes, spaces, empty, huge and odd tokens, two lines. */
    AUTHORIZATION,
    /** {@code access_token} in the query or a form body, alone or next to a header token. */
    QUERY_AND_FORM_TOKEN,
    /** {@code Origin}: foreign, {@code null}, odd, huge, duplicated. */
    ORIGIN,
    /** {@code MCP-Protocol-Version}: unknown, empty, huge, duplicated. */
    PROTOCOL_VERSION,
    /** {@code Mcp-Session-Id}: unknown, huge, odd, duplicated. */
    SESSION_ID,
    /** {@code Content-Type} and {@code Accept}: other types, parameters, none. */
    CONTENT_TYPE,
    /** 2026-07-28 {@code Mcp-Method} and {@code Mcp-Name}, including broken Base64 sentinels. */
    MCP_HEADERS,
    /** The JSON-RPC body: broken JSON, wrong types, deep nesting, invalid UTF-8, odd ids, big bodies. */
    JSON_BODY,
    /** Other HTTP methods with the same headers. */
    HTTP_METHOD;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
