package dev.mcpauth.server.edge;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which raw paths reach the MCP resource, and so get the Origin check and the body peek (RS-67):
 * {@code /mcp} with any number of trailing slashes, as Jersey routes them, and nothing else.
 */
class McpEdgeFilterPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/mcp", "/mcp/", "/mcp//", "/mcp///"})
    void reachesMcpResourceWhenMcpWithTrailingSlashesThenTrue(String path) {
        assertThat(McpEdgeFilter.reachesMcpResource(path), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "/mc", "/mcpx", "/mcp/x", "//mcp", "/api/mcp", "/MCP", "mcp", "/mcp/./"})
    void reachesMcpResourceWhenAnyOtherPathThenFalse(String path) {
        assertThat(McpEdgeFilter.reachesMcpResource(path), is(false));
    }
}
