package dev.mcpauth.conformance.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One fuzzed request, reproducible from the run's seed and its index.
 *
 * @param secrets every token the request carries (header, query, form): none may come back
 */
public record FuzzRequest(int index, FuzzFamily family, String method, String pathAndQuery,
                          List<Map.Entry<String, String>> headers, byte[] body, List<String> secrets) {

    public FuzzRequest {
        headers = List.copyOf(headers);
        secrets = List.copyOf(secrets);
    }

    /** Bytes on the wire, roughly: what "smallest failing request" compares. */
    public int size() {
        return method.length() + pathAndQuery.length() + body.length
                + headers.stream().mapToInt(h -> h.getKey().length() + h.getValue().length() + 4).sum();
    }

    /** The request as text for the report, every secret replaced by its fingerprint, the body cut at 2 KB. */
    public String redacted() {
        StringBuilder out = new StringBuilder(method).append(' ').append(pathAndQuery).append('\n');
        headers.forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        String text = redact(new String(body, StandardCharsets.UTF_8), secrets);
        out.append('\n').append(text.length() > 2048 ? text.substring(0, 2048) + "...(" + body.length + " bytes)" : text);
        return redact(out.toString(), secrets);
    }

    /** Every secret, as sent and URL-encoded (a query or form token), replaced by its fingerprint; before any cut. */
    static String redact(String text, List<String> secrets) {
        String result = text;
        for (String secret : secrets.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            if (!secret.isEmpty()) {
                String marker = "[token sha256:" + fingerprint(secret) + " length " + secret.length() + "]";
                result = result.replace(secret, marker).replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), marker);
            }
        }
        return result;
    }

    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
