package dev.mcpauth.conformance.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void replacesRegisteredTokensWithAStableMarker() {
        Redactor r = new Redactor();
        String token = "abc.def-ghi_jkl";
        r.register(token);
        String out = r.redact("Bearer " + token + " and again " + token);
        assertThat(out).doesNotContain(token);
        assertThat(out).isEqualTo("Bearer " + Redactor.marker(token) + " and again " + Redactor.marker(token));
        assertThat(Redactor.marker(token)).matches("\\[REDACTED token sha256:[0-9a-f]{12}]");
    }

    @Test
    void replacesLongerTokensFirstSoNoneLeaksPartly() {
        Redactor r = new Redactor();
        r.register("header.payload");
        r.register("header.payload.signature");
        String out = r.redact("x header.payload.signature y");
        assertThat(out).isEqualTo("x " + Redactor.marker("header.payload.signature") + " y");
    }

    @Test
    void redactsUrlEncodedFormsAndHeaders() {
        Redactor r = new Redactor();
        String token = "a+b/c=d e12345";
        r.register(token);
        assertThat(r.redact("?access_token=a%2Bb%2Fc%3Dd+e12345")).doesNotContain("a%2Bb").contains("[REDACTED token");
        assertThat(r.redactHeaders(List.of(Map.entry("Authorization", "Bearer " + token))))
                .containsExactly(Map.entry("Authorization", "Bearer " + Redactor.marker(token)));
    }

    @Test
    void redactsPiecesOfATokenSoASplitTokenDoesNotLeakHalfByHalf() {
        Redactor r = new Redactor();
        String token = "opaqueOperatorToken0123456789abcdef";
        r.register(token);
        String half1 = token.substring(0, 17);
        String half2 = token.substring(17);
        String out = r.redact("Authorization: Bearer " + half1 + " " + half2 + " and \"" + token.substring(5, 20) + "\"");
        assertThat(out).doesNotContain(half1).doesNotContain(half2).doesNotContain(token.substring(5, 20));
        assertThat(out).startsWith("Authorization: Bearer [REDACTED token fragment sha256:")
                .contains(Redactor.marker(token).substring("[REDACTED token ".length()));
        assertThat(r.redact("nothing secret here, not even opaqueOper")).isEqualTo("nothing secret here, not even opaqueOper");
    }

    @Test
    void ignoresStringsTooShortToBeSecrets() {
        Redactor r = new Redactor();
        r.register("x");
        assertThat(r.redact("xxx")).isEqualTo("xxx");
        assertThat(r.isSecret("x")).isFalse();
    }
}
