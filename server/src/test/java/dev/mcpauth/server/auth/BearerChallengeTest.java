package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The challenge value type renders exactly the challenge examples of docs/rs-checklist.md and refuses bad characters (RS-21). */
class BearerChallengeTest {

    static final String PRM = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";

    @Test
    void missingCredentialsWhenRenderedThenHasNoErrorAndNamesTheBaselineScope() {
        BearerChallenge challenge = BearerChallenge.missingCredentials(PRM, "mcp:read");
        assertThat(challenge.status(), is(401));
        assertThat(challenge.headerValue(), is("Bearer resource_metadata=\"" + PRM + "\", scope=\"mcp:read\""));
        assertThat(challenge.jsonBody(), is("{\"error_description\":\"bearer token required\"}"));
    }

    @Test
    void invalidTokenWhenRenderedThenErrorFirstThenMetadataThenScope() {
        BearerChallenge challenge = BearerChallenge.invalidToken("token expired", PRM, "mcp:read");
        assertThat(challenge.headerValue(), is("Bearer error=\"invalid_token\", error_description=\"token expired\", "
                + "resource_metadata=\"" + PRM + "\", scope=\"mcp:read\""));
        assertThat(challenge.jsonBody(), is("{\"error\":\"invalid_token\",\"error_description\":\"token expired\"}"));
    }

    @Test
    void invalidRequestWhenRenderedThenIs400WithoutScope() {
        BearerChallenge challenge = BearerChallenge.invalidRequest("empty bearer token", PRM);
        assertThat(challenge.status(), is(400));
        assertThat(challenge.headerValue(), is("Bearer error=\"invalid_request\", error_description=\"empty bearer token\", "
                + "resource_metadata=\"" + PRM + "\""));
    }

    @Test
    void insufficientScopeWhenRenderedThenIs403WithScopeBeforeMetadata() {
        BearerChallenge challenge = BearerChallenge.insufficientScope("tool deploy needs mcp:admin", "mcp:admin", PRM);
        assertThat(challenge.status(), is(403));
        assertThat(challenge.headerValue(), is("Bearer error=\"insufficient_scope\", error_description=\"tool deploy needs "
                + "mcp:admin\", scope=\"mcp:admin\", resource_metadata=\"" + PRM + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "back\\slash", "new\nline", "tab\there", "caf\u00e9"})
    void paramWhenValueHasCharacterOutsideRfc6750ThenRefused(String description) {
        assertThrows(IllegalArgumentException.class, () -> BearerChallenge.invalidToken(description, PRM, "mcp:read"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two  spaces", " leading", "quote\"d"})
    void scopeWhenNotSpaceSeparatedScopeTokensThenRefused(String scope) {
        assertThrows(IllegalArgumentException.class, () -> BearerChallenge.missingCredentials(PRM, scope));
    }
}
