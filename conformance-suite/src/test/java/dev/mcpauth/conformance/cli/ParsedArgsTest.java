package dev.mcpauth.conformance.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedArgsTest {
    private static final Set<String> VALUED = Set.of("--a", "--many");
    private static final Set<String> REPEATABLE = Set.of("--many");
    private static final Set<String> FLAGS = Set.of("--flag");

    private static ParsedArgs parse(String... args) throws UsageException {
        return ParsedArgs.parse(List.of(args), VALUED, REPEATABLE, FLAGS);
    }

    @Test
    void readsSpaceAndEqualsFormsAndFlags() throws UsageException {
        ParsedArgs a = parse("--a", "x", "--many=1", "--many", "2", "--flag");
        assertThat(a.value("--a")).contains("x");
        assertThat(a.values("--many")).containsExactly("1", "2");
        assertThat(a.flag("--flag")).isTrue();
        assertThat(a.value("--missing")).isEmpty();
        assertThat(a.values("--missing")).isEmpty();
    }

    @Test
    void equalsFormKeepsEverythingAfterTheFirstEqualsSign() throws UsageException {
        assertThat(parse("--a=k=v==").value("--a")).contains("k=v==");
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> parse("--nope", "x")).isInstanceOf(UsageException.class).hasMessage("unknown option --nope");
    }

    @Test
    void rejectsAMissingValue() {
        assertThatThrownBy(() -> parse("--a")).hasMessage("option --a needs a value");
        assertThatThrownBy(() -> parse("--a", "--flag")).hasMessage("option --a needs a value");
    }

    @Test
    void rejectsASingleValueOptionGivenTwice() {
        assertThatThrownBy(() -> parse("--a", "1", "--a", "2")).hasMessage("option --a given more than once");
    }

    @Test
    void rejectsPositionalArgumentsAndFlagValues() {
        assertThatThrownBy(() -> parse("stray")).hasMessage("unexpected argument 'stray'");
        assertThatThrownBy(() -> parse("-a")).hasMessage("unexpected argument '-a'");
        assertThatThrownBy(() -> parse("--flag=yes")).hasMessage("option --flag takes no value");
    }
}
