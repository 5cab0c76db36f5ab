package dev.mcpauth.server.mcp;

import java.util.Optional;
import java.util.Set;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.auth.SessionOwner;
import dev.mcpauth.server.config.McpSettings;
import io.helidon.security.SecurityContext;
import io.helidon.security.annotations.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The MCP endpoint (Streamable HTTP). {@link Authenticated} hands every method to Helidon
 * security and so to {@code McpBearerProvider} (RS-17, RS-35: every request, every method).
 * Methods take any media type so that a form-encoded request is judged by authentication first.
 * One instance serves every request (the request's {@link SecurityContext} is a request-scoped
 * proxy): a request-scoped resource cost a bean construction and four injections per call.
 */
@Path(McpSettings.MCP_PATH)
@ApplicationScoped
@Authenticated
public class McpResource {

    private final SecurityContext security;
    private final McpPostHandler post;
    private final McpSessions sessions;
    private final CallGate gate;

    @Inject
    public McpResource(SecurityContext security, McpPostHandler post, McpSessions sessions, CallGate gate) {
        this.security = security;
        this.post = post;
        this.sessions = sessions;
        this.gate = gate;
    }

    @POST
    public Response post(@Context HttpHeaders headers, @Context ContainerRequestContext request, byte[] body) {
        return post.handle(token(), McpHeaders.of(headers), PostedBody.of(request, body).message());
    }

    /**
     * No standalone server-to-client SSE stream is offered, which every transport version allows
     * as 405; 2026-07-28 has none at all (RS-70).
     */
    @GET
    public Response get(@Context HttpHeaders headers) {
        return McpResponses.methodNotAllowed(McpHeaders.of(headers).era());
    }

    /**
     * 2025 sessions: ends the caller's own session: 204, or 404 if it is unknown or someone else's.
     * 2026-07-28 has no sessions, so there is nothing to end: 405 (RS-70).
     */
    @DELETE
    public Response delete(@Context HttpHeaders headers) {
        McpHeaders mcp = McpHeaders.of(headers);
        if (!ProtocolVersionPolicy.isAcceptable(mcp.protocolVersion())) {
            return McpResponses.unsupportedVersion(JsonValue.NULL, mcp.protocolVersion().orElse(""));
        }
        if (mcp.era() == ProtocolEra.STATELESS_2026) {
            return McpResponses.methodNotAllowed(ProtocolEra.STATELESS_2026);
        }
        if (mcp.sessionId().isEmpty()) {
            return McpResponses.sessionRequired(JsonValue.NULL);
        }
        AccessToken token = token();
        if (sessions.find(mcp.sessionId().get(), SessionOwner.of(token)).isEmpty()) {
            return McpResponses.sessionNotFound(JsonValue.NULL);
        }
        Optional<Response> forbidden = gate.refusal(token, Set.of(ScopePolicy.BASELINE), "ending a session");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        sessions.end(mcp.sessionId().get(), SessionOwner.of(token));
        return Response.noContent().build();
    }

    /** The verified token; {@code @Authenticated} guarantees one, so its absence is a server bug. */
    private AccessToken token() {
        return security.user()
                .flatMap(subject -> subject.publicCredential(AccessToken.class))
                .orElseThrow(() -> new IllegalStateException("authenticated request without an access token"));
    }
}
