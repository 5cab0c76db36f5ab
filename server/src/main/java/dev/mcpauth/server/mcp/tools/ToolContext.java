package dev.mcpauth.server.mcp.tools;

import jakarta.json.JsonObject;

/**
 * What a running tool may do besides returning its result. Notifications and requests to the
 * client only reach it when the call is answered with an SSE stream (2025-06-18/2025-11-25
 * Streamable HTTP); otherwise {@link #progress} and {@link #log} do nothing and {@link #ask}
 * fails, so a tool always returns a result.
 */
public interface ToolContext {

    /** Whether the client declared this capability ({@code sampling}, {@code elicitation}, ...). */
    boolean clientSupports(String capability);

    /** {@code notifications/progress}, if the call carried {@code _meta.progressToken}. */
    void progress(double progress, double total, String message);

    /** {@code notifications/message}, if the session's log level lets {@code level} through. */
    void log(String level, String message);

    /**
     * Sends a JSON-RPC request to the client on the call's stream and waits for its answer.
     *
     * @return the client's {@code result}
     * @throws ClientRequestFailedException no stream, an error answer, or no answer in time
     */
    JsonObject ask(String method, JsonObject params) throws ClientRequestFailedException;

    /** A call answered with plain JSON by a client that declared nothing. */
    static ToolContext none() {
        return new PlainToolContext(jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
    }
}
