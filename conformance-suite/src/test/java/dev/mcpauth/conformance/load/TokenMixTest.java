package dev.mcpauth.conformance.load;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenMixTest {
    @Test
    void scheduleHoldsTheExactProportionsOverOneCycle() {
        TokenMix mix = TokenMix.parse(TokenMix.DEFAULT);
        List<TokenKind> cycle = mix.schedule();
        assertThat(cycle).hasSize(100);
        assertThat(Collections.frequency(cycle, TokenKind.GOOD)).isEqualTo(80);
        for (TokenKind k : List.of(TokenKind.EXPIRED, TokenKind.WRONG_AUD, TokenKind.BAD_SIG, TokenKind.NO_TOKEN)) {
            assertThat(Collections.frequency(cycle, k)).as(k.key()).isEqualTo(5);
        }
    }

    @Test
    void scheduleSpreadsTheRareKinds() {
        List<TokenKind> cycle = TokenMix.parse("good=80,expired=20").schedule();
        // never two expired tokens in a row when they are a fifth of the mix
        for (int i = 1; i < cycle.size(); i++) {
            assertThat(cycle.get(i) == TokenKind.EXPIRED && cycle.get(i - 1) == TokenKind.EXPIRED).isFalse();
        }
    }

    @Test
    void zeroWeightsDropOut() {
        TokenMix mix = TokenMix.parse("good=1,expired=0");
        assertThat(mix.schedule()).containsExactly(TokenKind.GOOD);
        assertThat(mix.toString()).isEqualTo("good=1");
    }
}
