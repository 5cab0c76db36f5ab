package dev.mcpauth.server.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Newline-delimited messages from a byte stream (MCP STDIO transport), kept as bytes so that the
 * caller can refuse malformed UTF-8 instead of repairing it. A line longer than the limit is
 * read to its end and reported as too long, so one bad message never desynchronises the stream.
 */
final class LineReader {

    /** One read line: its bytes, or the fact that it was longer than allowed. */
    record Line(byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its {@code \n} (and a {@code \r} before it), or empty at end of input. */
    Optional<Line> next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b = in.read();
        if (b < 0) {
            return Optional.empty();
        }
        while (b >= 0 && b != '\n') {
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                tooLong = true;
            }
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return Optional.of(new Line(bytes, tooLong));
    }
}
