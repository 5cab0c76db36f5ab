package dev.mcpauth.server.mcp.tools;

import jakarta.json.JsonObject;

/**
 * The context of a call answered with plain JSON: the client's declared capabilities are known,
 * but nothing can be sent before the result, so notifications are dropped and requests to the
 * client fail with a reason.
 */
public final class PlainToolContext implements ToolContext {

    private final JsonObject clientCapabilities;

    public PlainToolContext(JsonObject clientCapabilities) {
        this.clientCapabilities = clientCapabilities;
    }

    @Override
    public boolean clientSupports(String capability) {
        return clientCapabilities.containsKey(capability);
    }

    @Override
    public void progress(double progress, double total, String message) {
        // a JSON response carries nothing but the result
    }

    @Override
    public void log(String level, String message) {
        // a JSON response carries nothing but the result
    }

    @Override
    public JsonObject ask(String method, JsonObject params) throws ClientRequestFailedException {
        throw new ClientRequestFailedException(method + " needs a streamed response: call the tool in a "
                + "2025-06-18 or 2025-11-25 session with Accept: text/event-stream");
    }
}
