package dev.mcpauth.conformance.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapeNeutralisesScriptTags() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void escapeHandlesQuotesAndAmpersands() {
        assertThat(Html.escape("a & b \"c\" 'd' &amp;")).isEqualTo("a &amp; b &quot;c&quot; &#39;d&#39; &amp;amp;");
    }

    @Test
    void escapeKeepsUnicodeAndWhitespaceButReplacesControls() {
        assertThat(Html.escape("café ✓ 🎉\ttab\nline\u0000nul\u0007bel\u0085nel"))
                .isEqualTo("café ✓ 🎉\ttab\nline\uFFFDnul\uFFFDbel\uFFFDnel");
    }

    @Test
    void escapeReplacesLoneSurrogates() {
        assertThat(Html.escape("x\uD800y")).isEqualTo("x\uFFFDy");
    }

    @Test
    void attributeBreakoutIsImpossible() {
        String hostile = "\" onmouseover=\"alert(1)";
        assertThat(Html.escape(hostile)).doesNotContain("\"").doesNotContain("'");
    }

    @Test
    void anchorKeepsOnlySafeCharacters() {
        assertThat(Html.anchor("scenario.check-id_1")).isEqualTo("scenario.check-id_1");
        assertThat(Html.anchor("a\"><b é")).isEqualTo("a___b__");
    }

    @Test
    void onlyHttpAndHttpsAreLinkable() {
        assertThat(Html.linkable("https://www.rfc-editor.org/rfc/rfc6750")).isTrue();
        assertThat(Html.linkable("HTTP://example.test/")).isTrue();
        assertThat(Html.linkable("javascript:alert(1)")).isFalse();
        assertThat(Html.linkable(" data:text/html,<b>")).isFalse();
    }
}
