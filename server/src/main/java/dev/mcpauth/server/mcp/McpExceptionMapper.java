package dev.mcpauth.server.mcp;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps every exception to a small JSON body: client errors (404, 405, ...) keep their status and
 * headers such as {@code Allow}; anything else is a server bug, logged with its stack trace here
 * and answered with a bare 500 that shows nothing internal (RS-23). An unmapped exception would
 * also break the keep-alive connection (helidon-feasibility.md §5).
 */
@Provider
@ApplicationScoped
public class McpExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOGGER = Logger.getLogger(McpExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response original = web.getResponse();
            String error = original.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
            Response.ResponseBuilder mapped = Response.fromResponse(
                    McpResponses.plainError(original.getStatus(), error, "request not accepted"));
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> mapped.header(name, value));
                }
            });
            return mapped.build();
        }
        LOGGER.log(Level.SEVERE, "unhandled exception", exception);
        return McpResponses.plainError(500, "server_error", "internal error");
    }
}
