package dev.mcpauth.conformance.http;

import dev.mcpauth.conformance.http.WwwAuthenticateParser.ChallengeSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WwwAuthenticateParserTest {

    @Test
    void parsesTheChecklistNoCredentialsExample() {
        List<Challenge> cs = WwwAuthenticateParser.parseLine(
                "Bearer resource_metadata=\"https://mcp.acme.test/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:basic\"");
        assertThat(cs).hasSize(1);
        Challenge c = cs.get(0);
        assertThat(c.scheme()).isEqualTo("Bearer");
        assertThat(c.params()).containsExactly(
                new AuthParam("resource_metadata", "https://mcp.acme.test/.well-known/oauth-protected-resource/mcp", true),
                new AuthParam("scope", "mcp:basic", true));
        assertThat(c.duplicateParamNames()).isEmpty();
    }

    @Test
    void keepsTokenValuesAndMarksThemUnquoted() {
        Challenge c = WwwAuthenticateParser.parseLine("Bearer error=invalid_token, scope=\"a b\"").get(0);
        assertThat(c.param("error")).contains(new AuthParam("error", "invalid_token", false));
        assertThat(c.value("SCOPE")).contains("a b");
    }

    @Test
    void resolvesQuotedPairs() {
        Challenge c = WwwAuthenticateParser.parseLine("Bearer error_description=\"say \\\"hi\\\" \\\\ ok\"").get(0);
        assertThat(c.value("error_description")).contains("say \"hi\" \\ ok");
    }

    @Test
    void splitsSeveralChallengesIncludingToken68AndBareSchemes() {
        List<Challenge> cs = WwwAuthenticateParser.parseLine(
                "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\", DPoP algs=\"ES256\", Negotiate abc+/==, Bearer");
        assertThat(cs).extracting(Challenge::scheme).containsExactly("Newauth", "Basic", "DPoP", "Negotiate", "Bearer");
        assertThat(cs.get(0).params()).extracting(AuthParam::name).containsExactly("realm", "type", "title");
        assertThat(cs.get(3).token68()).contains("abc+/==");
        assertThat(cs.get(4).params()).isEmpty();
        assertThat(cs.get(4).isBearer()).isTrue();
    }

    @Test
    void acceptsBadWhitespaceAroundEqualsAndEmptyListElements() {
        List<Challenge> cs = WwwAuthenticateParser.parseLine(" , Bearer  realm = \"x\" ,, scope=\"y\" , ");
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).params()).extracting(AuthParam::value).containsExactly("x", "y");
    }

    @Test
    void acceptsEmptyElementsBeforeTheFirstAuthParam() {
        // RFC 9110 §5.6.1: #auth-param may open with empty elements, so "Bearer , realm=…" is one challenge.
        List<Challenge> cs = WwwAuthenticateParser.parseLine("Bearer ,, realm=\"x\", scope=\"y\"");
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).params()).extracting(AuthParam::name).containsExactly("realm", "scope");
    }

    @Test
    void aSchemeAfterLeadingEmptyElementsStartsTheNextChallenge() {
        List<Challenge> cs = WwwAuthenticateParser.parseLine("Bearer , Basic realm=\"x\"");
        assertThat(cs).extracting(Challenge::scheme).containsExactly("Bearer", "Basic");
        assertThat(cs.get(0).params()).isEmpty();
        assertThat(cs.get(1).value("realm")).contains("x");
    }

    @Test
    void reportsDuplicateNamesCaseInsensitively() {
        Challenge c = WwwAuthenticateParser.parseLine("Bearer scope=\"a\", error=\"invalid_token\", Scope=\"b\"").get(0);
        assertThat(c.duplicateParamNames()).containsExactly("scope");
        assertThat(c.value("scope")).contains("a");
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(WwwAuthenticateParser.parseLine("bEaReR realm=\"x\"").get(0).isBearer()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "Bearer realm=\"unterminated",
            "Bearer realm=\"x\" scope=\"y\"",         // missing comma
            "Bearer\trealm=\"x\"",                   // HTAB is not SP
            "Bearer\t, realm=\"x\"",                // HTAB is not SP, even before an empty element
            "Bearer realm=\"x\", scope=",            // trailing param without value
            "Bearer realm=\"a\"b\"",                 // junk after quoted string
            "Bearer realm=x y",                      // bare word after token
            "Bearer realm=\"x\u0001\"",              // control character in quoted-string
            "Bearer r\u00e9alm=\"x\"",               // non-ASCII in a token
            "Bearer @@@",                            // neither token68 nor auth-param
            "=Bearer",                               // no scheme
            "Bearer realm=\"x\", =\"y\"",            // param without name
            "Bearer \"quoted\"",                     // a quoted string is not a token68
            "Bearer realm=\"x\\"                     // quoted-pair at end
    })
    void rejectsMalformedFieldValues(String value) {
        assertThatThrownBy(() -> WwwAuthenticateParser.parseLine(value))
                .isInstanceOf(ChallengeSyntaxException.class);
    }

    @Test
    void readsNameEqualsWithoutValueAsToken68() {
        // "realm=" matches token68 (padding '='), so the grammar reads it that way, not as an empty param.
        assertThat(WwwAuthenticateParser.parseLine("Bearer realm=").get(0).token68()).contains("realm=");
    }

    @Test
    void errorNamesTheOffset() {
        assertThatThrownBy(() -> WwwAuthenticateParser.parseLine("Bearer realm=\"x\" junk"))
                .isInstanceOf(ChallengeSyntaxException.class)
                .hasMessageContaining("offset 17");
    }

    @Test
    void parsesEveryFieldLineAndKeepsErrorsPerLine() {
        ParsedChallenges p = WwwAuthenticateParser.parse(List.of("Basic realm=\"a\"", "Bearer scope=\"x\"", "Broken \"x"));
        assertThat(p.present()).isTrue();
        assertThat(p.valid()).isFalse();
        assertThat(p.errors()).hasSize(1).first().asString().startsWith("line 3:");
        assertThat(p.challenges()).extracting(Challenge::scheme).containsExactly("Basic", "Bearer");
        assertThat(p.bearer().flatMap(c -> c.value("scope"))).isEqualTo(Optional.of("x"));
        assertThat(p.bearerFirst()).isFalse();
    }

    @Test
    void bearerFirstWhenTheFirstChallengeIsBearer() {
        ParsedChallenges p = WwwAuthenticateParser.parse(List.of("Bearer realm=\"a\", DPoP algs=\"ES256\""));
        assertThat(p.valid()).isTrue();
        assertThat(p.bearerFirst()).isTrue();
        assertThat(WwwAuthenticateParser.parse(List.of()).present()).isFalse();
    }
}
