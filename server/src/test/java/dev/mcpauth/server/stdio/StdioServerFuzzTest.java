package dev.mcpauth.server.stdio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpauth.server.fuzz.FuzzBudget;
import jakarta.json.JsonObject;

/**
 * Fuzzes the STDIO dispatcher, one line at a time: the JSON-RPC parser and the method switch
 * ({@code initialize}, {@code ping}, {@code tools/list}, {@code tools/call}). Contract: a JSON-RPC
 * 2.0 response with a result or an error, or nothing (notification, blank line); never an
 * exception, which would end the STDIO server for the user.
 */
class StdioServerFuzzTest {

    private static final StdioServer SERVER = new StdioServer(List.of());
    private static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call", "x");

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void answerGivesAJsonRpcResponseOrNothing(FuzzedDataProvider data) {
        byte[] line = switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeRemainingAsBytes();
            case 1 -> ("{\"jsonrpc\":\"2.0\",\"id\":" + data.consumeString(20) + ",\"method\":\"" + data.pickValue(METHODS)
                    + "\",\"params\":" + data.consumeRemainingAsString() + "}").getBytes(StandardCharsets.UTF_8);
            default -> ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":"
                    + "[".repeat(data.consumeInt(0, 5000)) + data.consumeRemainingAsString()).getBytes(StandardCharsets.UTF_8);
        };

        Optional<JsonObject> answer = SERVER.answer(line);

        answer.ifPresent(response -> {
            assertThat(response.getString("jsonrpc"), is("2.0"));
            assertThat(response.containsKey("result") != response.containsKey("error"), is(true));
        });
    }
}
