package dev.mcpauth.conformance.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Hostile JSON-RPC bodies: each starts from a valid call and breaks one thing. */
final class BodyMutations {
    static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call", "server/discover",
            "resources/list", "resources/read", "prompts/get", "logging/setLevel", "notifications/initialized",
            "completion/complete", "x/\"quoted\"", "", "tools/call\u0000", "../../etc/passwd");
    private static final List<String> IDS = List.of("1", "\"a\"", "null", "{}", "[]", "true", "1e400", "-0",
            "12345678901234567890123456789", "\"" + "i".repeat(5000) + "\"", "1.5", "\"\\ud800\"");
    private static final List<String> PARAMS = List.of("{}", "[]", "null", "1", "\"s\"",
            "{\"name\":\"whoami\",\"arguments\":{}}", "{\"name\":1}", "{\"name\":\"whoami\",\"arguments\":[]}",
            "{\"name\":\"memory_get\",\"arguments\":{\"id\":\"\\u0000\"}}", "{\"name\":\"no_such_tool\"}",
            "{\"_meta\":{\"progressToken\":{}}}", "{\"_meta\":\"x\"}",
            "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":1,\"io.modelcontextprotocol/clientCapabilities\":[]}}",
            "{\"protocolVersion\":\"9999-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}",
            "{\"uri\":\"file:///etc/passwd\"}", "{\"level\":\"everything\"}", "{\"name\":\"whoami\",\"arguments\":{\"a\":"
                    + "\"" + "x".repeat(70_000) + "\"}}");

    private BodyMutations() {
    }

    static String valid(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    static byte[] mutate(Random r, String baseline) {
        String body = switch (r.nextInt(14)) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + Junk.pick(r, IDS) + ",\"method\":\"" + Junk.pick(r, METHODS)
                    + "\",\"params\":" + Junk.pick(r, PARAMS) + "}";
            case 1 -> baseline.substring(0, r.nextInt(baseline.length()));
            case 2 -> "[" + baseline + "," + baseline + "]";
            case 3 -> deep(r, baseline);
            case 4 -> baseline.replace("\"2.0\"", Junk.pick(r, List.of("\"1.0\"", "2.0", "null", "\"2.0 \"")));
            case 5 -> "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"1.0\"," + baseline.substring(1);
            case 6 -> baseline.replace("\"method\"", "\"method\":1,\"m\"");
            case 7 -> "";
            case 8 -> Junk.value(r);
            case 9 -> r.nextInt(40) == 0 ? baseline.replace("}", ",\"pad\":\"" + "p".repeat(1_100_000) + "\"}") : baseline + " ";
            case 10 -> "{\"jsonrpc\":\"2.0\",\"method\":\"" + Junk.pick(r, METHODS) + "\"}";
            case 11 -> "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":" + Junk.pick(r, PARAMS) + "}";
            case 12 -> baseline.replace("7", "\"\\u" + Integer.toHexString(0xd800 + r.nextInt(0x800)) + "\"");
            default -> null;
        };
        return body != null ? body.getBytes(StandardCharsets.UTF_8) : invalidUtf8(r, baseline);
    }

    private static String deep(Random r, String baseline) {
        int depth = 100 + r.nextInt(6000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        return baseline.replace("\"params\":", "\"params\":{\"x\":" + open.repeat(depth) + "1" + (r.nextBoolean() ? "" : "]".repeat(depth)) + "},\"p\":");
    }

    private static byte[] invalidUtf8(Random r, String baseline) {
        byte[] bytes = baseline.getBytes(StandardCharsets.UTF_8);
        byte[] out = bytes.clone();
        int at = r.nextInt(out.length);
        out[at] = (byte) Junk.pick(r, List.of(0xC0, 0xFF, 0x80, 0xED, 0xF8)).intValue();
        return out;
    }
}
