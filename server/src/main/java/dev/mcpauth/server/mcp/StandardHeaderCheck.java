package dev.mcpauth.server.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonString;

/**
 * The 2026-07-28 request metadata headers (transports/streamable-http "Standard Request Headers",
 * "Server Validation"): {@code Mcp-Method} on every request, {@code Mcp-Name} on
 * {@code tools/call}, {@code prompts/get} ({@code params.name}) and {@code resources/read}
 * ({@code params.uri}). A missing, malformed or different value is a {@code HeaderMismatch}.
 * Values are compared case-sensitively after optional whitespace is stripped and a Base64
 * sentinel ({@code =?base64?...?=}) is decoded.
 */
final class StandardHeaderCheck {

    static final Set<String> NAMED_BY_NAME = Set.of("tools/call", "prompts/get");
    static final String NAMED_BY_URI = "resources/read";
    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";

    private StandardHeaderCheck() {
    }

    /** Why the headers do not describe this request, if they do not. */
    static Optional<String> problem(McpHeaders headers, JsonRpcMessage.Request request) {
        return methodProblem(headers.mcpMethod(), request.method())
                .or(() -> nameProblem(headers.mcpName(), request));
    }

    private static Optional<String> methodProblem(Optional<String> header, String method) {
        if (header.isEmpty()) {
            return Optional.of(McpHeaders.MCP_METHOD + " header is required");
        }
        if (!isHeaderSafe(header.get())) {
            return Optional.of(McpHeaders.MCP_METHOD + " header contains invalid characters");
        }
        return header.get().equals(method) ? Optional.empty() : Optional.of(differs(McpHeaders.MCP_METHOD, header.get(), method));
    }

    /** Only the methods that carry a name are checked; elsewhere {@code Mcp-Name} mirrors nothing and is ignored. */
    private static Optional<String> nameProblem(Optional<String> header, JsonRpcMessage.Request request) {
        if (!isNamed(request.method())) {
            return Optional.empty();
        }
        Optional<String> body = bodyName(request);
        if (body.isEmpty()) {
            return header.map(h -> McpHeaders.MCP_NAME + " header is present but the body has no "
                    + (NAMED_BY_URI.equals(request.method()) ? "params.uri" : "params.name"));
        }
        if (header.isEmpty()) {
            return Optional.of(McpHeaders.MCP_NAME + " header is required for " + request.method());
        }
        if (!isHeaderSafe(header.get())) {
            return Optional.of(McpHeaders.MCP_NAME + " header contains invalid characters");
        }
        Optional<String> decoded = decode(header.get());
        if (decoded.isEmpty()) {
            return Optional.of(McpHeaders.MCP_NAME + " header has an invalid Base64 value");
        }
        return decoded.get().equals(body.get()) ? Optional.empty() : Optional.of(differs(McpHeaders.MCP_NAME, header.get(), body.get()));
    }

    static boolean isNamed(String method) {
        return NAMED_BY_NAME.contains(method) || NAMED_BY_URI.equals(method);
    }

    /** The body value {@code Mcp-Name} mirrors for this method, if the method has one and the body sets it. */
    static Optional<String> bodyName(JsonRpcMessage.Request request) {
        String field = NAMED_BY_NAME.contains(request.method()) ? "name" : NAMED_BY_URI.equals(request.method()) ? "uri" : "";
        return request.params().get(field) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    /** The header value, Base64-sentinel decoded when it is encoded; empty if the encoding is broken. */
    static Optional<String> decode(String value) {
        if (!value.startsWith(SENTINEL_START) || !value.endsWith(SENTINEL_END)
                || value.length() < SENTINEL_START.length() + SENTINEL_END.length()) {
            return Optional.of(value);
        }
        String encoded = value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** RFC 9110 field value characters: visible ASCII, space and tab. */
    private static boolean isHeaderSafe(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7E));
    }

    private static String differs(String header, String headerValue, String bodyValue) {
        return header + " header value '" + McpResponses.printable(headerValue) + "' does not match body value '"
                + McpResponses.printable(bodyValue) + "'";
    }
}
