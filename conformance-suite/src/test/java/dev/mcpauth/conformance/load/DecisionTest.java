package dev.mcpauth.conformance.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionTest {
    @Test
    void goodTokenMustBeAccepted() {
        assertThat(Decision.judge(TokenKind.GOOD, 200)).isEqualTo(Decision.CORRECT);
        assertThat(Decision.judge(TokenKind.GOOD, 202)).isEqualTo(Decision.CORRECT);
        assertThat(Decision.judge(TokenKind.GOOD, 401)).isEqualTo(Decision.WRONG);
        assertThat(Decision.judge(TokenKind.GOOD, 403)).isEqualTo(Decision.WRONG);
        assertThat(Decision.judge(TokenKind.GOOD, 400)).isEqualTo(Decision.WRONG);
        assertThat(Decision.judge(TokenKind.GOOD, 500)).isEqualTo(Decision.ERROR);
        assertThat(Decision.judge(TokenKind.GOOD, 0)).isEqualTo(Decision.ERROR);
    }

    @Test
    void everyOtherKindMustBeRefused() {
        for (TokenKind k : new TokenKind[] {TokenKind.EXPIRED, TokenKind.WRONG_AUD, TokenKind.BAD_SIG, TokenKind.NO_TOKEN}) {
            assertThat(Decision.judge(k, 401)).as(k.key()).isEqualTo(Decision.CORRECT);
            assertThat(Decision.judge(k, 400)).as(k.key()).isEqualTo(Decision.CORRECT);
            assertThat(Decision.judge(k, 403)).as(k.key()).isEqualTo(Decision.CORRECT);
            assertThat(Decision.judge(k, 200)).as(k.key()).isEqualTo(Decision.WRONG);
            assertThat(Decision.judge(k, 503)).as(k.key()).isEqualTo(Decision.ERROR);
            assertThat(Decision.judge(k, 404)).as(k.key()).isEqualTo(Decision.ERROR);
        }
    }
}
