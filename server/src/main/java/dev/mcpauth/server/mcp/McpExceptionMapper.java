package dev.mcpauth.server.mcp;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps every exception: client errors raised by Jersey (404, 405, ...) keep their own response
 * untouched, so Helidon can still route an unmatched path to other features such as
 * {@code /health}; anything else is a server bug, logged with its stack trace here and answered
 * with a bare JSON 500 that shows nothing internal (RS-23). An unmapped exception would also
 * break the keep-alive connection.
 */
@Provider
@ApplicationScoped
public class McpExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOGGER = Logger.getLogger(McpExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        LOGGER.log(Level.SEVERE, "unhandled exception", exception);
        return McpResponses.plainError(500, "server_error", "internal error");
    }
}
