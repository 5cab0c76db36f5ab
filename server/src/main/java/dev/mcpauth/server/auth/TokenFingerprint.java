package dev.mcpauth.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The first 12 hex digits of the token's SHA-256: enough to correlate log lines for one token,
 * useless for replaying it (RS-76).
 */
public final class TokenFingerprint {

    /** Logged when there was no token at all. */
    public static final String NONE = "-";

    private static final int HEX_DIGITS = 12;

    private TokenFingerprint() {
    }

    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
