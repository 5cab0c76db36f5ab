package dev.mcpauth.server.mcp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpauth.server.fuzz.FuzzBudget;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Fuzzes what {@code POST /mcp} does with a body before and after authentication: strict UTF-8,
 * the JSON-RPC envelope ({@link JsonRpcMessage}), the 2026-07-28 header/body check
 * ({@link StandardHeaderCheck}), the {@code _meta} fields ({@link RequestMeta}), version
 * negotiation, and the error envelope built from the message's id. Contract: a typed message,
 * never an exception; an {@code Invalid} carries one of the three JSON-RPC error codes and an id
 * that is a string, a number or null; every problem text is printable ASCII (it is quoted back).
 */
class JsonRpcFuzzTest {

    private static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call",
            "server/discover", "resources/read", "prompts/get", "notifications/initialized", "");
    private static final List<Integer> CODES = List.of(JsonRpc.PARSE_ERROR, JsonRpc.INVALID_REQUEST, JsonRpc.INVALID_PARAMS);

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void bodyAndHeadersGiveATypedMessageAndPrintableProblems(FuzzedDataProvider data) {
        McpHeaders headers = new McpHeaders(header(data), header(data), header(data), header(data), header(data),
                                            header(data));
        byte[] body = body(data);

        JsonRpcMessage message = PostedBody.of(body).message();

        switch (message) {
            case JsonRpcMessage.Invalid invalid -> {
                assertThat(invalid.code(), isIn(CODES));
                assertThat(invalid.id().getValueType(), isIn(List.of(JsonValue.ValueType.STRING,
                        JsonValue.ValueType.NUMBER, JsonValue.ValueType.NULL)));
                assertThat(JsonRpc.error(invalid.id(), invalid.code(), invalid.message()).toString().isEmpty(), is(false));
            }
            case JsonRpcMessage.Request request -> {
                StandardHeaderCheck.problem(headers, request).ifPresent(JsonRpcFuzzTest::assertPrintable);
                RequestMeta meta = RequestMeta.of(request);
                meta.problem().ifPresent(JsonRpcFuzzTest::assertPrintable);
                meta.logLevel().ifPresent(level -> assertThat(LogLevels.isLevel(level), is(true)));
                meta.clientCapabilities();
                request.toolName();
                request.progressToken();
                JsonObject reply = JsonRpc.error(request.id(), JsonRpc.METHOD_NOT_FOUND, "Method not found");
                assertThat(reply.get("id"), is(request.id()));
            }
            case JsonRpcMessage.Notification notification -> assertThat(notification.methodName().isPresent(), is(true));
            case JsonRpcMessage.ClientResponse response -> assertThat(response.methodName(), is(Optional.empty()));
        }
        ProtocolEra.of(headers.protocolVersion());
        assertThat(ProtocolVersionPolicy.negotiate(headers.protocolVersion()), isIn(ProtocolVersionPolicy.SUPPORTED));
        headers.isJsonOrAbsent();
        headers.acceptsEventStream();
        assertPrintable(McpResponses.quotable(new String(body, StandardCharsets.UTF_8)));
    }

    private static Optional<String> header(FuzzedDataProvider data) {
        return data.consumeBoolean() ? Optional.of(data.consumeString(40)) : Optional.empty();
    }

    /** Raw bytes, or an envelope whose members the fuzzer fills in, or deep nesting. */
    private static byte[] body(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeBytes(600);
            case 1 -> ("{\"jsonrpc\":\"2.0\",\"id\":" + data.consumeString(20) + ",\"method\":\"" + data.pickValue(METHODS)
                    + "\",\"params\":{\"name\":" + data.consumeString(30) + ",\"_meta\":" + data.consumeString(200) + "}"
                    + data.consumeString(100) + "}").getBytes(StandardCharsets.UTF_8);
            default -> {
                int depth = data.consumeInt(0, 5000);
                String open = data.pickValue(List.of("[", "{\"a\":"));
                yield ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"x\":" + open.repeat(depth)
                        + data.consumeRemainingAsString()).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static void assertPrintable(String text) {
        assertThat(text, text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), is(true));
    }
}
