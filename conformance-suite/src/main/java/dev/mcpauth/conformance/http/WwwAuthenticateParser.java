package dev.mcpauth.conformance.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict parser for {@code WWW-Authenticate} field values, following RFC 9110 §11 exactly:
 *
 * <pre>
 * WWW-Authenticate = #challenge
 * challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param  = token BWS "=" BWS ( token / quoted-string )
 * token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * #element    = [ element ] *( OWS "," OWS [ element ] )
 * </pre>
 *
 * <p>This parser is itself under test: it is what decides whether a server's challenge is well
 * formed, so it accepts nothing the grammar does not (no bare words, no unterminated quotes,
 * no tab between scheme and parameters, no control characters). Empty list elements are
 * accepted, as RFC 9110 §5.6.1 asks of recipients. Duplicate parameter names are a semantic
 * rule, not a grammar one: they are kept and reported by {@link Challenge#duplicateParamNames()}.
 */
public final class WwwAuthenticateParser {
    private final String s;
    private int pos;

    private WwwAuthenticateParser(String s) {
        this.s = s;
    }

    /** Parses every field line of a response; lines are independent list fragments. */
    public static ParsedChallenges parse(List<String> fieldLines) {
        List<Challenge> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < fieldLines.size(); i++) {
            try {
                all.addAll(parseLine(fieldLines.get(i)));
            } catch (ChallengeSyntaxException e) {
                errors.add((fieldLines.size() > 1 ? "line " + (i + 1) + ": " : "") + e.getMessage());
            }
        }
        return new ParsedChallenges(fieldLines, all, errors);
    }

    /** Parses one field value; throws with the offending offset when it is not well formed. */
    public static List<Challenge> parseLine(String fieldValue) {
        return new WwwAuthenticateParser(fieldValue).challenges();
    }

    private List<Challenge> challenges() {
        skipWhitespace();
        List<Challenge> out = new ArrayList<>();
        skipEmptyElements();
        while (!atEnd()) {
            out.add(challenge());
            skipWhitespace();
            if (atEnd()) {
                break;
            }
            expect(',');
            skipEmptyElements();
        }
        if (out.isEmpty()) {
            throw error("no challenge in field value");
        }
        return out;
    }

    private Challenge challenge() {
        String scheme = token("auth-scheme");
        if (atEnd() || restIsWhitespace()) {
            return new Challenge(scheme, Optional.empty(), List.of());
        }
        if (peekAfterWhitespace() == ',') {
            return paramsAfterEmptyElements(scheme);
        }
        if (s.charAt(pos) != ' ') {
            throw error("expected SP after auth-scheme '" + scheme + "'");
        }
        while (!atEnd() && s.charAt(pos) == ' ') {
            pos++;
        }
        int start = pos;
        Optional<AuthParam> first = tryAuthParam();
        if (first.isEmpty()) {
            pos = start;
            return new Challenge(scheme, Optional.of(token68()), List.of());
        }
        return new Challenge(scheme, Optional.empty(), paramsFrom(first.get()));
    }

    /**
     * {@code scheme 1*SP ","}: #auth-param may open with empty elements (RFC 9110 §5.6.1), so an
     * auth-param after the commas still belongs to this challenge; anything else starts the next one.
     */
    private Challenge paramsAfterEmptyElements(String scheme) {
        int mark = pos;
        if (s.charAt(pos) == ' ') {
            skipEmptyElements();
            Optional<AuthParam> first = atEnd() ? Optional.empty() : tryAuthParam();
            if (first.isPresent()) {
                return new Challenge(scheme, Optional.empty(), paramsFrom(first.get()));
            }
        }
        pos = mark;
        return new Challenge(scheme, Optional.empty(), List.of());
    }

    /** The auth-param list that starts with {@code first}; stops before the comma of the next challenge. */
    private List<AuthParam> paramsFrom(AuthParam first) {
        List<AuthParam> params = new ArrayList<>();
        params.add(first);
        while (true) {
            int mark = pos;
            skipWhitespace();
            if (atEnd() || s.charAt(pos) != ',') {
                pos = mark;
                break;
            }
            pos++;
            skipEmptyElements();
            if (atEnd()) {
                break;
            }
            int paramStart = pos;
            Optional<AuthParam> next = tryAuthParam();
            if (next.isEmpty()) {
                // Not "token BWS =": the next challenge starts here; let the caller see the comma.
                pos = rewindToComma(paramStart);
                break;
            }
            params.add(next.get());
        }
        return params;
    }

    /** Tries {@code token BWS "=" BWS ( token / quoted-string )}; empty and unchanged position if absent. */
    private Optional<AuthParam> tryAuthParam() {
        int start = pos;
        int nameEnd = scanToken(pos);
        if (nameEnd == pos) {
            return Optional.empty();
        }
        String name = s.substring(pos, nameEnd);
        int p = skipWhitespaceFrom(nameEnd);
        if (p >= s.length() || s.charAt(p) != '=') {
            return Optional.empty();
        }
        p = skipWhitespaceFrom(p + 1);
        if (p < s.length() && s.charAt(p) == '"') {
            pos = p;
            return Optional.of(new AuthParam(name, quotedString(), true));
        }
        int valueEnd = scanToken(p);
        if (valueEnd == p) {
            // "name=" with no value: could only be token68 (e.g. "abc="), which the caller tries.
            if (looksLikeToken68Rest(start)) {
                pos = start;
                return Optional.empty();
            }
            pos = p;
            throw error("auth-param '" + name + "' has no value (expected token or quoted-string)");
        }
        pos = valueEnd;
        requireListBoundary();
        return Optional.of(new AuthParam(name, s.substring(p, valueEnd), false));
    }

    private boolean looksLikeToken68Rest(int from) {
        int p = from;
        while (p < s.length() && isToken68Char(s.charAt(p))) {
            p++;
        }
        if (p == from) {
            return false;
        }
        while (p < s.length() && s.charAt(p) == '=') {
            p++;
        }
        p = skipWhitespaceFrom(p);
        return p >= s.length() || s.charAt(p) == ',';
    }

    private String token68() {
        int start = pos;
        while (!atEnd() && isToken68Char(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected token68 or auth-param after auth-scheme");
        }
        while (!atEnd() && s.charAt(pos) == '=') {
            pos++;
        }
        String value = s.substring(start, pos);
        requireListBoundary();
        return value;
    }

    private String quotedString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated quoted-string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("quoted-pair at end of field value");
                }
                char q = s.charAt(pos++);
                if (!(q == '\t' || q == ' ' || (q >= 0x21 && q <= 0x7E) || (q >= 0x80 && q <= 0xFF))) {
                    pos--;
                    throw error("invalid character in quoted-pair: " + describe(q));
                }
                out.append(q);
            } else if (c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B)
                    || (c >= 0x5D && c <= 0x7E) || (c >= 0x80 && c <= 0xFF)) {
                out.append(c);
            } else {
                pos--;
                throw error("invalid character in quoted-string: " + describe(c));
            }
        }
        requireListBoundary();
        return out.toString();
    }

    /** After an element, only OWS then "," or the end may follow. */
    private void requireListBoundary() {
        int p = skipWhitespaceFrom(pos);
        if (p < s.length() && s.charAt(p) != ',') {
            pos = p;
            throw error("expected ',' or end after value, found " + describe(s.charAt(p)));
        }
    }

    private String token(String what) {
        int end = scanToken(pos);
        if (end == pos) {
            throw error("expected " + what + " (token), found " + (atEnd() ? "end" : describe(s.charAt(pos))));
        }
        String t = s.substring(pos, end);
        pos = end;
        return t;
    }

    private int scanToken(int from) {
        int p = from;
        while (p < s.length() && isTchar(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private int rewindToComma(int from) {
        int p = from - 1;
        while (p >= 0 && s.charAt(p) != ',') {
            p--;
        }
        return p;
    }

    private void skipEmptyElements() {
        skipWhitespace();
        while (!atEnd() && s.charAt(pos) == ',') {
            pos++;
            skipWhitespace();
        }
    }

    private void skipWhitespace() {
        pos = skipWhitespaceFrom(pos);
    }

    private int skipWhitespaceFrom(int from) {
        int p = from;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private char peekAfterWhitespace() {
        int p = skipWhitespaceFrom(pos);
        return p < s.length() ? s.charAt(p) : 0;
    }

    private boolean restIsWhitespace() {
        return skipWhitespaceFrom(pos) >= s.length();
    }

    private void expect(char c) {
        if (atEnd() || s.charAt(pos) != c) {
            throw error("expected '" + c + "', found " + (atEnd() ? "end" : describe(s.charAt(pos))));
        }
        pos++;
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private ChallengeSyntaxException error(String message) {
        return new ChallengeSyntaxException(message + " at offset " + pos, pos);
    }

    private static String describe(char c) {
        return c >= 0x21 && c <= 0x7E ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken68Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~+/".indexOf(c) >= 0;
    }

    /** A field value that does not match the RFC 9110 grammar. */
    public static final class ChallengeSyntaxException extends RuntimeException {
        private final int offset;

        ChallengeSyntaxException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }
}
