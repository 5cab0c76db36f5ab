package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpauth.server.fuzz.FuzzBudget;

/**
 * Fuzzes the settings reader with any value for any {@code mcp.*} key (and the TLS and store
 * keys it cross-checks). Contract: {@link McpSettings} or one {@link SettingsRefusedException}
 * listing the problems, never another exception (the operator would get a stack trace instead of
 * the one line), and the refusal never repeats the store password: changing the password alone
 * never changes the message.
 */
class SettingsReaderFuzzTest {

    private static final String PASSWORD = "mcp.store.postgresql.password";
    private static final List<String> KEYS = List.of(SettingsReader.RESOURCE, SettingsReader.ISSUER,
            SettingsReader.JWKS_URI, SettingsReader.SCOPES_SUPPORTED, SettingsReader.TOKEN_TYPE, SettingsReader.CLOCK_SKEW,
            SettingsReader.JWKS_REFRESH_MIN_INTERVAL, SettingsReader.JWKS_CACHE_TTL,
            SettingsReader.VERIFIED_TOKEN_CACHE_TTL, SettingsReader.ALLOWED_ORIGINS, SettingsReader.RESOURCE_NAME,
            SettingsReader.UPSTREAM_URL, SettingsReader.FIXTURES_ENABLED, "mcp.api.resource", "mcp.store",
            "mcp.store.postgresql.url", "mcp.store.postgresql.user", "server.tls.private-key.keystore.resource.path");

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void readGivesSettingsOrOneRefusal(FuzzedDataProvider data) {
        Map<String, String> values = new HashMap<>();
        values.put(SettingsReader.ISSUER, "https://as.example.com");
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            values.put(data.pickValue(KEYS), data.consumeString(120));
        }
        String password = data.consumeString(40);
        if (!password.isBlank()) {
            values.put(PASSWORD, password);
        }

        String refusal = refusal(values);
        values.put(PASSWORD, "another-secret-" + password.length());
        String other = refusal(values);

        assertThat("the refusal changes with the password alone: " + refusal, refusal.equals(other) || password.isBlank(),
                is(true));
    }

    private static String refusal(Map<String, String> values) {
        try {
            SettingsReader.read(SettingsSource.of(values));
            return "";
        } catch (SettingsRefusedException e) {
            return e.getMessage();
        }
    }
}
