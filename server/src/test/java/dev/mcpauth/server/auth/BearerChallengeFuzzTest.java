package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.StringReader;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpauth.server.fuzz.FuzzBudget;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Fuzzes the challenge writer with every parameter value of every kind of challenge (RS-18,
 * RS-21). Contract: a value outside the RFC 6750 character sets is refused when the challenge is
 * built ({@link IllegalArgumentException}, the writer's typed refusal); any other value gives a
 * {@code WWW-Authenticate} value of {@code Bearer} and quoted params in the fixed order whose
 * quoted-strings hold exactly the values (no quote, backslash or control character to escape), and
 * a JSON body that parses and repeats the same error and description.
 */
class BearerChallengeFuzzTest {

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void everyChallengeIsWellFormedOrRefusedWhenBuilt(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        String description = data.consumeString(80);
        String metadata = data.consumeString(80);
        String scope = data.consumeString(60);
        BearerChallenge challenge;
        try {
            challenge = switch (kind) {
                case 0 -> BearerChallenge.missingCredentials(metadata, scope);
                case 1 -> BearerChallenge.invalidToken(description, metadata, scope);
                case 2 -> BearerChallenge.invalidRequest(description, metadata);
                default -> BearerChallenge.insufficientScope(description, scope, metadata);
            };
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage().matches("value of [a-z_]+ is outside the RFC 6750 character set"), is(true));
            return;
        }

        String header = challenge.headerValue();
        StringBuilder expected = new StringBuilder("Bearer ");
        List<BearerChallenge.Param> params = challenge.params();
        for (int i = 0; i < params.size(); i++) {
            BearerChallenge.Param p = params.get(i);
            assertThat(p.value().chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20 || c > 0x7E), is(true));
            expected.append(i == 0 ? "" : ", ").append(p.name()).append("=\"").append(p.value()).append('"');
        }
        assertThat(header, is(expected.toString()));
        assertThat(challenge.param("resource_metadata").orElseThrow(), is(metadata));
        assertThat(challenge.status(), is(List.of(401, 401, 400, 403).get(kind)));
        try (JsonReader reader = JsonFactory.createReader(new StringReader(challenge.jsonBody()))) {
            JsonObject body = reader.readObject();
            if (kind > 0) {
                assertThat(body.getString("error_description"), is(description));
                assertThat(body.getString("error"), is(challenge.error().orElseThrow()));
            }
        }
        assertThat(BearerRejection.of(challenge, "fuzz").jsonBody(), is(challenge.jsonBody()));
    }
}
