package dev.mcpauth.server.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON text is UTF-8 (RFC 8259 §8.1). A body that is not is unparseable, not silently repaired
 * with U+FFFD: replacement would store text the client never sent.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The text, or empty if the bytes are not well-formed UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                                       .onMalformedInput(CodingErrorAction.REPORT)
                                       .onUnmappableCharacter(CodingErrorAction.REPORT)
                                       .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
