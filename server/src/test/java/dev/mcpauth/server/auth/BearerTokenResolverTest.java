package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import dev.mcpauth.server.auth.BearerTokenResolver.ResolvedCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the token is, and when the request is ambiguous (RS-25, RS-26, RS-27, RS-28, RS-29, RS-30,
 * RS-31).
 */
class BearerTokenResolverTest {

    private final BearerTokenResolver resolver = new BearerTokenResolver();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-_~+/=", "bearer abc.DEF-_~+/=", "BEARER   abc.DEF-_~+/="})
    void resolveWhenBearerHeaderThenTokenWhateverCaseAndSpacing(String header) {
        assertThat(resolve(List.of(header), false, false), is(new ResolvedCredential.Token("abc.DEF-_~+/=")));
    }

    @Test
    void resolveWhenNoHeaderThenNoneEvenWithQueryOrFormToken() {
        assertThat(resolve(List.of(), true, true), instanceOf(ResolvedCredential.None.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "DPoP abc", "abc.def.ghi", "Bearerabc"})
    void resolveWhenOtherSchemeOrBareTokenThenNone(String header) {
        assertThat(resolve(List.of(header), false, false), instanceOf(ResolvedCredential.None.class));
    }

    @Test
    void resolveWhenTwoHeaderLinesThenInvalidRequest() {
        assertThat(resolve(List.of("Bearer a", "Bearer b"), false, false),
                   is(new ResolvedCredential.InvalidRequest("more than one Authorization header")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "bearer    "})
    void resolveWhenBearerWithoutTokenThenInvalidRequest(String header) {
        assertThat(resolve(List.of(header), false, false), is(new ResolvedCredential.InvalidRequest("empty bearer token")));
    }

    @Test
    void resolveWhenHeaderAndQueryOrFormTokenThenInvalidRequest() {
        ResolvedCredential expected = new ResolvedCredential.InvalidRequest("more than one credential supplied");
        assertThat(resolve(List.of("Bearer abc"), true, false), is(expected));
        assertThat(resolve(List.of("Bearer abc"), false, true), is(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a b", "Bearer a,b", "Bearer ab=c", "Bearer \u00e9t\u00e9", "Bearer a\"b"})
    void resolveWhenTokenOutsideToken68ThenMalformed(String header) {
        assertThat(resolve(List.of(header), false, false), instanceOf(ResolvedCredential.Malformed.class));
    }

    @Test
    void resolveWhenTokenLongerThanLimitThenMalformed() {
        String huge = "a".repeat(BearerTokenResolver.MAX_TOKEN_LENGTH + 1);
        assertThat(resolve(List.of("Bearer " + huge), false, false), instanceOf(ResolvedCredential.Malformed.class));
    }

    @Test
    void toStringWhenTokenThenShowsFingerprintNotToken() {
        String text = new ResolvedCredential.Token("secret-token-value").toString();
        assertThat(text.contains("secret-token-value"), is(false));
        assertThat(text, is("Token[fingerprint=" + TokenFingerprint.of("secret-token-value") + "]"));
    }

    private ResolvedCredential resolve(List<String> headers, boolean query, boolean form) {
        return resolver.resolve(new PresentedCredentials(headers, query, form));
    }

    /**
     * RS-29: the hand-written token68 check says exactly what the grammar's regular expression
     * says, on every string up to 4 characters over an alphabet of the edge cases and on 20,000
     * random ones.
     */
    @Test
    void isToken68WhenAnyStringThenAgreesWithTheGrammarsRegularExpression() {
        Pattern grammar = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
        String alphabet = "aZ09-._~+/= %,;\"@AzÄ\t";
        List<String> strings = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : strings) {
                if (s.length() == length - 1) {
                    alphabet.chars().forEach(c -> longer.add(s + (char) c));
                }
            }
            strings.addAll(longer);
        }
        Random random = new Random(76);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            strings.add(s.toString());
        }
        for (String s : strings) {
            assertThat(s, BearerTokenResolver.isToken68(s), is(grammar.matcher(s).matches()));
        }
    }
}
