package dev.mcpauth.conformance.report;

/** HTML escaping for every dynamic string the report writes. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for use in element content and in double- or single-quoted attribute values:
     * {@code & < > " '} become entities; control characters other than tab, newline and carriage
     * return become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0);
                    boolean loneSurrogate = Character.isSurrogate((char) cp) && cp <= 0xFFFF;
                    out.appendCodePoint(control || loneSurrogate ? 0xFFFD : cp);
                }
            }
        });
        return out.toString();
    }

    /** A fragment id made only of {@code [A-Za-z0-9._-]}, so it needs no escaping anywhere. */
    public static String anchor(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(
                (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_')) ? (char) cp : '_'));
        return out.toString();
    }

    /** True for URLs safe to put in an {@code href}: http and https only, never {@code javascript:}. */
    public static boolean linkable(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
