package dev.mcpauth.conformance.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every token the suite sent with {@code [REDACTED token sha256:<12 hex>]} before an
 * exchange reaches a report. Reports are published; tokens must never be, not even when a
 * server echoes them back, so responses are redacted as well as requests.
 *
 * <p>Pieces of a token are secrets too: a check that splits a token with a space, or a server
 * that quotes part of one, must not leak it half by half. So after whole tokens are replaced,
 * every run of token characters that contains {@link #WINDOW} consecutive characters of a
 * registered token is replaced by a fragment marker.
 *
 * <p>Strings shorter than {@link #MIN_SECRET_LENGTH} are not registered: the suite sends a few
 * one-character "tokens" on purpose, and replacing every {@code x} in a report would destroy it.
 * Such strings carry no secret.
 */
public final class Redactor {
    public static final int MIN_SECRET_LENGTH = 8;
    /** Length of the token pieces looked for in text; shorter tokens are only replaced whole. */
    public static final int WINDOW = 12;

    private static final Pattern TOKEN_RUN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private final Map<String, String> markers = new ConcurrentHashMap<>();
    private final Map<String, String> pieces = new ConcurrentHashMap<>();

    /** Registers a token (and its URL-encoded form) for redaction. */
    public void register(String token) {
        if (token == null || token.length() < MIN_SECRET_LENGTH) {
            return;
        }
        String marker = marker(token);
        markers.putIfAbsent(token, marker);
        String fragmentMarker = marker.replace("[REDACTED token", "[REDACTED token fragment");
        for (int i = 0; i + WINDOW <= token.length(); i++) {
            pieces.putIfAbsent(token.substring(i, i + WINDOW), fragmentMarker);
        }
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (!encoded.equals(token)) {
            markers.putIfAbsent(encoded, marker);
        }
    }

    /** Whether this string is a registered secret. */
    public boolean isSecret(String value) {
        return markers.containsKey(value);
    }

    /**
     * The marker of a registered token that the text contains whole or by a piece of
     * {@link #WINDOW} characters, if any. Never the token itself: callers put the result in reports.
     */
    public Optional<String> findSecret(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : markers.entrySet()) {
            if (text.contains(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        Matcher m = TOKEN_RUN.matcher(text);
        while (m.find()) {
            Optional<String> marker = pieceMarker(m.group());
            if (marker.isPresent()) {
                return marker;
            }
        }
        return Optional.empty();
    }

    /** The text with every registered token replaced; longest tokens first, so none leaks partly. */
    public String redact(String text) {
        if (text == null || text.isEmpty() || markers.isEmpty()) {
            return text == null ? "" : text;
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        markers.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        String out = text;
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return redactPieces(out);
    }

    private String redactPieces(String text) {
        Matcher m = TOKEN_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(pieceMarker(m.group()).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> pieceMarker(String run) {
        for (int i = 0; i + WINDOW <= run.length(); i++) {
            String marker = pieces.get(run.substring(i, i + WINDOW));
            if (marker != null) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }

    /** Header lines with values redacted. */
    public List<Map.Entry<String, String>> redactHeaders(List<Map.Entry<String, String>> headers) {
        return headers.stream()
                .map(h -> Map.entry(h.getKey(), redact(h.getValue())))
                .toList();
    }

    /** The marker used for a token: stable, so reports can show that two requests used the same token. */
    public static String marker(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "[REDACTED token sha256:" + HexFormat.of().formatHex(digest).substring(0, 12) + "]";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
