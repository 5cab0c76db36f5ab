package dev.mcpauth.server.stdio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default store is durable: a memory whose {@code memory_add} was answered is still there
 * after the server process is killed with SIGKILL ({@code kill -9}: no shutdown hook, no close)
 * and started again on the same directory.
 */
class MemorySurvivesKillTest {

    @TempDir
    Path data;

    @Test
    void memoryAnsweredBeforeKillMinus9IsReadBackAfterRestart() throws Exception {
        Map<String, String> user = Map.of(StdioMain.SUBJECT_VARIABLE, "kim");
        String id;
        try (StdioProcess first = StdioProcess.start(user, "-Dmcp.store.h2.directory=" + data)) {
            first.request(StdioAdapterTest.INITIALIZE);
            JsonObject added = first.request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_add\",\"arguments\":{\"text\":\"written just before kill -9\",\"tags\":[\"durable\"]}}}");
            id = added.getJsonObject("result").getJsonObject("structuredContent").getString("id");
            first.killMinus9();
        }
        try (StdioProcess second = StdioProcess.start(user, "-Dmcp.store.h2.directory=" + data)) {
            second.request(StdioAdapterTest.INITIALIZE);
            JsonObject got = second.request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"memory_get\",\"arguments\":{\"id\":\"" + id + "\"}}}");
            JsonObject memory = got.getJsonObject("result").getJsonObject("structuredContent");
            assertThat(got.toString(), memory.getString("text"), is("written just before kill -9"));
            assertThat(memory.getJsonArray("tags").getString(0), is("durable"));
            assertThat(second.finish(), is(0));
        }
    }
}
