package dev.mcpauth.conformance.greybox;

import dev.mcpauth.conformance.http.Redactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks through the target's log for the tokens the suite sent (RS-76, grey box): a whole
 * token, or any piece of {@link Redactor#WINDOW} characters of one. Findings name the line
 * and the token's redaction marker, never the bytes found.
 */
public final class ServerLogScan {
    /** Findings kept for the report; the count is exact. */
    static final int MAX_FINDINGS = 5;

    /**
     * What the scan saw.
     *
     * @param lines    lines read
     * @param count    lines holding a token or a piece of one
     * @param findings the first of them, as {@code line N: <marker>}
     */
    public record Result(int lines, int count, List<String> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return count == 0;
        }
    }

    private ServerLogScan() {
    }

    /** Scans the file (bytes read as ISO-8859-1, so no encoding can hide ASCII token bytes). */
    public static Result scan(Path log, Redactor redactor) throws IOException {
        List<String> lines = List.of(Files.readString(log, StandardCharsets.ISO_8859_1).split("\n", -1));
        List<String> findings = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> marker = redactor.findSecret(lines.get(i));
            if (marker.isPresent()) {
                count++;
                if (findings.size() < MAX_FINDINGS) {
                    findings.add("line " + (i + 1) + ": " + marker.get());
                }
            }
        }
        return new Result(lines.size(), count, findings);
    }
}
