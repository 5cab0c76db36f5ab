package dev.mcpauth.server.mcp;

import java.util.Optional;

import dev.mcpauth.server.auth.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /mcp} after authentication: the checks every {@link ProtocolEra} shares, then the era's
 * own pipeline. Shared, in order: {@code MCP-Protocol-Version} present and unsupported (400,
 * {@code -32022}), media type (415), a request whose {@code _meta} declares a protocol version
 * the header does not carry (400, {@code -32020}). Then {@link ProtocolEra#STATELESS_2026} goes to
 * {@link StatelessPostHandler}, {@link ProtocolEra#SESSIONS_2025} to {@link SessionPostHandler} (a dual-era server,
 * basic/versioning "Backward Compatibility").
 */
@ApplicationScoped
public class McpPostHandler {

    private final SessionPostHandler sessions;
    private final StatelessPostHandler stateless;

    @Inject
    public McpPostHandler(SessionPostHandler sessions, StatelessPostHandler stateless) {
        this.sessions = sessions;
        this.stateless = stateless;
    }

    Response handle(AccessToken token, McpHeaders headers, JsonRpcMessage message) {
        if (!ProtocolVersionPolicy.isAcceptable(headers.protocolVersion())) {
            return McpResponses.unsupportedVersion(idOf(message), headers.protocolVersion().orElse(""));
        }
        if (!headers.isJsonOrAbsent()) {
            return McpResponses.plainError(415, "unsupported_media_type", "POST /mcp takes application/json");
        }
        Optional<String> mismatch = versionMismatch(headers, message);
        if (mismatch.isPresent()) {
            return McpResponses.headerMismatch(idOf(message), mismatch.get());
        }
        return switch (headers.era()) {
            case STATELESS_2026 -> stateless.handle(token, headers, message);
            case SESSIONS_2025 -> sessions.handle(token, headers, message);
        };
    }

    /**
     * A request that declares its version in {@code _meta} is a 2026 one: the header must be
     * there and say the same (transports/streamable-http "Protocol Version Header").
     */
    private static Optional<String> versionMismatch(McpHeaders headers, JsonRpcMessage message) {
        if (!(message instanceof JsonRpcMessage.Request request)) {
            return Optional.empty();
        }
        Optional<String> declared = RequestMeta.of(request).protocolVersion();
        if (declared.isEmpty() || declared.equals(headers.protocolVersion())) {
            return Optional.empty();
        }
        return Optional.of(headers.protocolVersion()
                .map(h -> ProtocolVersionPolicy.HEADER + " header value '" + McpResponses.printable(h)
                        + "' does not match body value '" + McpResponses.printable(declared.get()) + "'")
                .orElse(ProtocolVersionPolicy.HEADER + " header is required"));
    }

    private static JsonValue idOf(JsonRpcMessage message) {
        return switch (message) {
            case JsonRpcMessage.Request request -> request.id();
            case JsonRpcMessage.Invalid invalid -> invalid.id();
            default -> JsonValue.NULL;
        };
    }
}
