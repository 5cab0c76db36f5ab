package dev.mcpauth.server.edge;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * CORS for browser MCP clients (RS-14, RS-73): allowed origins may read the
 * challenge, the session ID and the protocol version. Credentials mode is not enabled: the token
 * travels in {@code Authorization}, never in cookies.
 */
final class CorsHeaders {

    static final String EXPOSED = "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version";
    static final String ALLOWED_METHODS = "POST, GET, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
    static final String MAX_AGE_SECONDS = "600";

    private CorsHeaders() {
    }

    /** Headers for every {@code /mcp} response; {@code allowedOrigin} only when the Origin is allowed. */
    static void addResponseHeaders(MultivaluedMap<String, Object> headers, String allowedOrigin) {
        headers.putSingle("Access-Control-Allow-Origin", allowedOrigin);
        headers.putSingle("Vary", "Origin");
    }

    static void addExposeHeaders(MultivaluedMap<String, Object> headers) {
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED);
    }

    static void addPreflightHeaders(MultivaluedMap<String, Object> headers, String allowedOrigin) {
        addResponseHeaders(headers, allowedOrigin);
        headers.putSingle("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.putSingle("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
}
