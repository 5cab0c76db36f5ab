package dev.mcpauth.conformance.fuzz;

import java.util.List;
import java.util.Random;

/** Random values a hostile client sends: tokens of every size and alphabet, odd header values. */
final class Junk {
    private static final String TOKEN68 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    private static final String ODD = "\"\\,;=:()<>@[]{}?%'`!#$&*^|\t ";
    private static final int[] LENGTHS = {1, 7, 16, 40, 200, 1_000, 8_000, 16_384, 16_385, 20_000};

    private Junk() {
    }

    /** A random token68 token of a random length, sometimes padded with {@code =}. */
    static String token(Random r) {
        int length = LENGTHS[r.nextInt(LENGTHS.length)];
        StringBuilder out = new StringBuilder(length + 2);
        for (int i = 0; i < length; i++) {
            out.append(TOKEN68.charAt(r.nextInt(TOKEN68.length())));
        }
        return out.append("=".repeat(r.nextInt(4) == 0 ? r.nextInt(3) : 0)).toString();
    }

    /** A random token with characters outside token68 (quotes, commas, controls the client can send, Latin-1). */
    static String oddToken(Random r) {
        StringBuilder out = new StringBuilder(token(r));
        int odd = 1 + r.nextInt(4);
        for (int i = 0; i < odd; i++) {
            char c = r.nextBoolean() ? ODD.charAt(r.nextInt(ODD.length())) : (char) (0x80 + r.nextInt(0x80));
            out.insert(r.nextInt(out.length() + 1), c);
        }
        return out.toString();
    }

    /** A field value the JDK client accepts: tab, visible ASCII, space and Latin-1, of a random length. */
    static String value(Random r) {
        int length = r.nextInt(8) == 0 ? 2_000 + r.nextInt(6_000) : r.nextInt(60);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            out.append(kind == 0 ? (char) (0x80 + r.nextInt(0x80)) : kind == 1 ? '\t' : (char) (0x20 + r.nextInt(0x5F)));
        }
        return out.toString().strip().isEmpty() ? "x" : out.toString();
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Only what the JDK client sends in a field value: no CR, LF or other controls but tab, nothing above U+00FF. */
    static String sendable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().filter(c -> c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF)).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
