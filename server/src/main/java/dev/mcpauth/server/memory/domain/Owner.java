package dev.mcpauth.server.memory.domain;

/**
 * Whose memories these are: the token's issuer and subject together ({@code iss}, {@code sub}),
 * so the same {@code sub} from two issuers is two people. Over STDIO the issuer is a local name
 * and the subject comes from the environment.
 */
public record Owner(String issuer, String subject) {

    /** Longest issuer stored; a configured issuer is far shorter. */
    public static final int MAX_ISSUER_CHARS = 512;
    /** OpenID Connect Core §2: {@code sub} is at most 255 ASCII characters. */
    public static final int MAX_SUBJECT_CHARS = 255;

    public Owner {
        if (issuer == null || issuer.isBlank() || issuer.length() > MAX_ISSUER_CHARS) {
            throw new IllegalArgumentException("an owner's issuer must be 1.." + MAX_ISSUER_CHARS + " characters");
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_CHARS) {
            throw new IllegalArgumentException("an owner's subject must be 1.." + MAX_SUBJECT_CHARS + " characters");
        }
    }
}
