package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.ToolHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --tool NAME[=SCOPE,...]} (repeatable) and {@code --token-typ at+jwt|JWT|none}. */
class ToolAndTypArgsTest {
    private static ExtraOptions extras(String... args) throws UsageException {
        List<String> all = new java.util.ArrayList<>(List.of("--target", "http://127.0.0.1:8080/mcp"));
        all.addAll(List.of(args));
        return RunCommand.parse(all, Map.of(), Optional.empty()).options().extras();
    }

    @Test
    void noHintsAndAtJwtByDefault() throws UsageException {
        ExtraOptions e = extras();
        assertThat(e.toolHints()).isEqualTo(ToolHints.NONE);
        assertThat(e.tokenTyp()).isEqualTo(TokenTyp.AT_JWT);
    }

    @Test
    void toolHintsAreRepeatableWithOrWithoutScopes() throws UsageException {
        ExtraOptions e = extras("--tool", "echo", "--tool=admin_stats=mcp:admin,mcp:read", "--tool", "get_notes=notes:read");
        assertThat(e.toolHints().tools()).containsExactly(new ToolHint("echo", List.of()),
                new ToolHint("admin_stats", List.of("mcp:admin", "mcp:read")), new ToolHint("get_notes", List.of("notes:read")));
        assertThat(e.toolHints().find("admin_stats")).map(ToolHint::scopes).contains(List.of("mcp:admin", "mcp:read"));
        assertThat(e.toolHints().find("other")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "=mcp:read|a tool hint needs a tool name",
            "echo=|--tool echo= names no scope; write --tool echo when the baseline scope suffices",
            "'   '|a tool hint needs a tool name"})
    void badToolHintsAreUsageErrors(String value, String message) {
        assertThatThrownBy(() -> extras("--tool", value)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void aToolNamedTwiceIsAUsageError() {
        assertThatThrownBy(() -> extras("--tool", "echo", "--tool", "echo=a")).isInstanceOf(UsageException.class)
                .hasMessage("--tool echo given more than once");
    }

    @ParameterizedTest
    @CsvSource({"at+jwt,AT_JWT", "AT+JWT,AT_JWT", "JWT,JWT", "jwt,JWT", "none,NONE"})
    void tokenTypTakesTheThreeForms(String value, TokenTyp expected) throws UsageException {
        assertThat(extras("--token-typ", value).tokenTyp()).isEqualTo(expected);
    }

    @Test
    void anUnknownTokenTypIsAUsageError() {
        assertThatThrownBy(() -> extras("--token-typ", "application/jwt")).isInstanceOf(UsageException.class)
                .hasMessage("--token-typ 'application/jwt' must be at+jwt, JWT or none");
    }
}
