package dev.mcpauth.server.stdio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Hostile lines on STDIO, found by {@link StdioServerFuzzTest}: each gets a JSON-RPC error and the
 * server goes on answering the next line.
 */
class StdioServerHostileInputTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    @Test
    void serveWhenALineIsNestedDeeperThanTheParserAllowsThenParseErrorAndTheNextLineIsAnswered() throws Exception {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(1200) + "}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new StdioServer(List.of()).serve(new ByteArrayInputStream((deep + "\n" + PING + "\n").getBytes(StandardCharsets.UTF_8)),
                                         out);

        assertThat(out.toString(StandardCharsets.UTF_8),
                   is("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n"
                           + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}\n"));
    }
}
