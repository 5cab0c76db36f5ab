package dev.mcpauth.server.edge;

import java.util.Set;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.mcp.JsonRpcMessage;
import dev.mcpauth.server.mcp.McpDispatcher;
import dev.mcpauth.server.mcp.McpResponses;
import dev.mcpauth.server.mcp.MethodSet;
import dev.mcpauth.server.mcp.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scopes one JSON-RPC message needs, the same in every protocol era (RS-62, RS-63, RS-64,
 * RS-65, RS-66): every method needs {@code mcp:read}; {@code tools/call} needs what the named tool
 * needs, a {@link MethodSet}'s method what the set says for that request (state-changing ones
 * {@code mcp:write}; {@code resources/read} and {@code prompts/get} what the resource or prompt
 * needs), all of it named in one challenge (SEP-2350).
 */
@ApplicationScoped
public class CallScopes {

    private final McpDispatcher dispatcher;

    @Inject
    public CallScopes(McpDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Every scope this message needs, collapsed by the hierarchy ({@code mcp:admin} alone when it
     * is needed): a tool's scopes for {@code tools/call}, a method set's for its methods (per request:
     * a resource's or a prompt's own scopes).
     */
    Set<String> requiredFor(JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Request request && McpDispatcher.TOOLS_CALL.equals(request.method())) {
            return dispatcher.toolFor(request).map(ToolRegistry::requiredScopes).orElse(Set.of(ScopePolicy.BASELINE));
        }
        if (message instanceof JsonRpcMessage.Request request) {
            return dispatcher.methodSetFor(request.method())
                    .map(set -> ScopePolicy.requiredFor(set.requiredScopes(request)))
                    .orElse(Set.of(ScopePolicy.BASELINE));
        }
        return message.methodName().flatMap(dispatcher::methodSetFor)
                .map(set -> ScopePolicy.requiredFor(set.requiredScopes(message.methodName().orElseThrow())))
                .orElse(Set.of(ScopePolicy.BASELINE));
    }

    /**
     * What is being called, for {@code error_description}: "tool server_status", "method ping".
     * The method name is the client's, so it is reduced to what a quoted auth-param may hold (RS-21).
     */
    String describe(JsonRpcMessage message) {
        if (message instanceof JsonRpcMessage.Request request && McpDispatcher.TOOLS_CALL.equals(request.method())) {
            return dispatcher.toolFor(request).map(t -> "tool " + t.name()).orElse("method tools/call");
        }
        return message.methodName().map(m -> "method " + McpResponses.quotable(m)).orElse("this request");
    }
}
