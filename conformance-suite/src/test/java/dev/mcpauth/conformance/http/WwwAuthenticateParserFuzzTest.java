package dev.mcpauth.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the suite's {@code WWW-Authenticate} parser, which judges every server's challenges.
 * Contract: {@link WwwAuthenticateParser#parse(List)} never throws (a server's garbage becomes a
 * listed error, never a harness crash); {@link WwwAuthenticateParser#parseLine(String)} refuses
 * only with a {@link WwwAuthenticateParser.ChallengeSyntaxException} whose offset lies in the
 * value; and what it accepts means one thing: written back in canonical form (quoted params,
 * {@code ", "} separators) and parsed again, it gives the same challenges.
 * Long mode: {@code JAZZER_FUZZ=1 mvn -pl conformance-suite test -Dtest=WwwAuthenticateParserFuzzTest}.
 */
class WwwAuthenticateParserFuzzTest {

    private static final List<String> PIECES = List.of("Bearer", "Basic", " ", "\t", ",", "=", "\"", "\\",
            "realm", "error", "scope", "abc==", "\"a\\\"b\"");

    @FuzzTest(maxDuration = "2m")
    void parseNeverThrowsAndRoundTrips(FuzzedDataProvider data) {
        List<String> lines = new ArrayList<>();
        int count = data.consumeInt(1, 3);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int parts = data.consumeInt(0, 12);
            for (int p = 0; p < parts; p++) {
                line.append(data.consumeBoolean() ? data.pickValue(PIECES) : data.consumeString(12));
            }
            lines.add(line.toString());
        }

        ParsedChallenges parsed = WwwAuthenticateParser.parse(lines);

        assertThat(parsed.errors().size()).isLessThanOrEqualTo(lines.size());
        for (String line : lines) {
            List<Challenge> challenges;
            try {
                challenges = WwwAuthenticateParser.parseLine(line);
            } catch (WwwAuthenticateParser.ChallengeSyntaxException refused) {
                assertThat(refused.offset()).isBetween(0, line.length());
                continue;
            }
            assertThat(challenges).isNotEmpty();
            String canonical = challenges.stream().map(WwwAuthenticateParserFuzzTest::render)
                    .collect(Collectors.joining(", "));
            assertThat(meaning(WwwAuthenticateParser.parseLine(canonical))).as(line + " -> " + canonical)
                    .isEqualTo(meaning(challenges));
        }
    }

    private static String render(Challenge c) {
        String params = c.params().stream().map(p -> p.name() + "=\"" + p.value().replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"").collect(Collectors.joining(", "));
        return c.scheme() + c.token68().map(t -> " " + t).orElse(params.isEmpty() ? "" : " " + params);
    }

    private static List<String> meaning(List<Challenge> challenges) {
        return challenges.stream().map(c -> c.scheme() + "|" + c.token68().orElse("") + "|" + c.params().stream()
                .map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("|"))).toList();
    }
}
