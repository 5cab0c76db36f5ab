package dev.mcpauth.server.mcp.tools;

import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;

/** MCP content blocks as they appear in tool results and prompt messages. */
public final class ContentBlocks {

    private ContentBlocks() {
    }

    public static JsonObject text(String text) {
        return JsonFactory.createObjectBuilder().add("type", "text").add("text", text).build();
    }

    /** An image; {@code base64} is the encoded bytes. */
    public static JsonObject image(String base64, String mimeType) {
        return JsonFactory.createObjectBuilder().add("type", "image").add("data", base64).add("mimeType", mimeType).build();
    }

    /** Audio; {@code base64} is the encoded bytes. */
    public static JsonObject audio(String base64, String mimeType) {
        return JsonFactory.createObjectBuilder().add("type", "audio").add("data", base64).add("mimeType", mimeType).build();
    }

    /** An embedded text resource. */
    public static JsonObject embeddedText(String uri, String mimeType, String text) {
        return JsonFactory.createObjectBuilder().add("type", "resource").add("resource", JsonFactory.createObjectBuilder()
                .add("uri", uri).add("mimeType", mimeType).add("text", text)).build();
    }
}
