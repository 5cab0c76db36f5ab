package dev.mcpauth.server.stdio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The STDIO adapter as a client sees it: a child JVM started with {@code --stdio}, spoken to in
 * newline-delimited JSON-RPC. No OAuth: the user is {@code MCP_STDIO_SUBJECT}.
 */
class StdioAdapterTest {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio-test\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path data;

    @Test
    void initializeListAddAndSearchWithNothingButJsonRpcOnStdout() throws Exception {
        int httpPort = freePort();
        try (StdioProcess server = StdioProcess.start(Map.of(StdioMain.SUBJECT_VARIABLE, "grace"),
                                                      "-Dmcp.store.h2.directory=" + data, "-Dserver.port=" + httpPort)) {
            JsonObject init = server.request(INITIALIZE);
            assertThat(init.getJsonObject("result").getString("protocolVersion"), is("2025-06-18"));
            assertThat(init.getJsonObject("result").getJsonObject("serverInfo").getString("name"), is("mcp-auth-reference-server"));
            server.send(INITIALIZED);

            JsonObject list = server.request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            assertThat(list.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                               .map(tool -> tool.getString("name")).toList(),
                       contains("memory_add", "memory_search", "memory_list", "memory_get", "memory_delete", "get_current_day"));

            JsonObject added = server.request("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_add\",\"arguments\":{\"text\":\"The spare key is under the blue flower pot\",\"tags\":[\"home\"]}}}");
            assertThat(added.getJsonObject("result").getBoolean("isError"), is(false));
            String id = added.getJsonObject("result").getJsonObject("structuredContent").getString("id");

            JsonObject found = server.request("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_search\",\"arguments\":{\"query\":\"spare key\",\"limit\":3}}}");
            assertThat(found.getJsonObject("result").getJsonObject("structuredContent").getJsonArray("hits")
                               .getValuesAs(JsonObject.class).stream().map(hit -> hit.getString("id")).toList(), contains(id));

            assertThrows(ConnectException.class, () -> new Socket().connect(new InetSocketAddress("127.0.0.1", httpPort), 2000),
                         "--stdio must not start the HTTP server");
            assertThat(server.finish(), is(0));
            assertThat("nothing but the responses on stdout", server.remainingStdout(), is(""));
            assertThat("logs go to stderr", server.stderr(), containsString("serving grace"));
            server.transcript().forEach(System.out::println);
        }
    }

    @Test
    void badInputGetsJsonRpcErrorsAndTheStoreKeepsItsMemories() throws Exception {
        try (StdioProcess server = StdioProcess.start(Map.of(StdioMain.SUBJECT_VARIABLE, "heidi"),
                                                      "-Dmcp.store.h2.directory=" + data)) {
            server.request(INITIALIZE);
            server.request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_add\","
                                   + "\"arguments\":{\"text\":\"keep me\"}}}");

            server.sendBytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            assertThat(error(server.receive()), is(-32700));
            assertThat(error(server.request("this is not json")), is(-32700));
            assertThat(error(server.request("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")), is(-32600));
            assertThat(error(server.request("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}")), is(-32601));
            assertThat(error(server.request("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}")),
                       is(-32602));
            assertThat(error(server.request("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                                                    + "\"memory_add\",\"arguments\":[\"text\"]}}")), is(-32602));
            JsonObject wrongType = server.request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_add\",\"arguments\":{\"text\":{\"$gt\":\"\"}}}}");
            assertThat(wrongType.getJsonObject("result").getBoolean("isError"), is(true));
            assertThat(wrongType.getJsonObject("result").getJsonObject("structuredContent").getString("error"),
                       is("invalid arguments: text must be a string, got an object"));

            JsonObject listed = server.request("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_list\",\"arguments\":{}}}");
            JsonObject page = listed.getJsonObject("result").getJsonObject("structuredContent");
            assertThat(page.getInt("total"), is(1));
            assertThat(page.getJsonArray("memories").getJsonObject(0).getString("text"), is("keep me"));
            assertThat(server.finish(), is(0));
        }
    }

    @Test
    void withoutTheSubjectItRefusesToStartWithOneClearLine() throws Exception {
        try (StdioProcess server = StdioProcess.start(Map.of(), "-Dmcp.store.h2.directory=" + data)) {
            assertThat(server.finish(), is(2));
            assertThat(server.remainingStdout(), is(""));
            assertThat(server.stderr(), containsString("mcp-auth-server --stdio refused to start: MCP_STDIO_SUBJECT is required"));
        }
    }

    @Test
    void aBadStoreSettingIsRefusedByName() throws Exception {
        try (StdioProcess server = StdioProcess.start(Map.of(StdioMain.SUBJECT_VARIABLE, "ivan"), "-Dmcp.store=mongodb")) {
            assertThat(server.finish(), is(2));
            assertThat(server.stderr(), containsString("mcp.store must be h2 or postgresql, got mongodb"));
        }
    }

    @Test
    void theSameSubjectFromAnotherIssuerIsAnotherUser() throws Exception {
        String add = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_add\","
                + "\"arguments\":{\"text\":\"local judy's note\"}}}";
        String list = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_list\",\"arguments\":{}}}";
        try (StdioProcess local = StdioProcess.start(Map.of(StdioMain.SUBJECT_VARIABLE, "judy"), "-Dmcp.store.h2.directory=" + data)) {
            local.request(add);
            assertThat(local.finish(), is(0));
        }
        try (StdioProcess other = StdioProcess.start(Map.of(StdioMain.SUBJECT_VARIABLE, "judy",
                                                            StdioMain.ISSUER_VARIABLE, "https://issuer.example"),
                                                     "-Dmcp.store.h2.directory=" + data)) {
            JsonObject page = other.request(list).getJsonObject("result").getJsonObject("structuredContent");
            assertThat(page.getInt("total"), is(0));
            assertThat(other.finish(), is(0));
        }
    }

    private static int error(JsonObject response) {
        assertThat(response.getString("jsonrpc"), is("2.0"));
        return response.getJsonObject("error").getInt("code");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
