package dev.mcpauth.server.edge;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpauth.server.fuzz.FuzzBudget;
import dev.mcpauth.server.mcp.JsonRpcMessage;
import dev.mcpauth.server.mcp.PostedBody;

/**
 * Fuzzes what the bearer edge reads from a body before authentication: whether a form body
 * carries an {@code access_token} (RS-30; broken percent-escapes, odd separators, any spelling of
 * the content type) and the method and tool a JSON body names. Contract: an answer, never an
 * exception (this runs before authentication, so an exception would be a 500 for anyone); a form
 * with a plain {@code access_token=} field is always seen, and only form bodies are searched.
 */
class RequestPeekFuzzTest {

    private static final List<String> TYPES = List.of("application/x-www-form-urlencoded",
            "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8", "application/json", "text/plain", "");

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void peekNeverThrowsAndSeesAFormToken(FuzzedDataProvider data) {
        String type = data.pickValue(TYPES);
        boolean withToken = data.consumeBoolean();
        String form = data.consumeString(100) + "&" + (withToken ? "access_token" : data.consumeString(30)) + "="
                + data.consumeString(40) + "&" + data.consumeRemainingAsString();
        PostedBody body = new PostedBody(form, JsonRpcMessage.parse(form));

        RequestPeek peek = RequestPeek.of(body, type.isEmpty() ? Optional.empty() : Optional.of(type));

        boolean isForm = type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (isForm && withToken) {
            assertThat(peek.formToken(), is(true));
        }
        if (!isForm) {
            assertThat(peek.formToken(), is(false));
            assertThat(peek.method(), is(body.message().methodName()));
        }
    }
}
