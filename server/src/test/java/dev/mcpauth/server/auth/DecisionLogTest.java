package dev.mcpauth.server.auth;

import static dev.mcpauth.server.support.McpCalls.INITIALIZE;
import static dev.mcpauth.server.support.McpCalls.initialize;
import static dev.mcpauth.server.support.McpCalls.post;
import static dev.mcpauth.server.support.McpCalls.request;
import static dev.mcpauth.server.support.McpCalls.toolCall;
import static dev.mcpauth.server.support.McpCalls.withToken;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.mcpauth.server.support.TestIssuer;
import dev.mcpauth.server.support.TokenMinter;
import dev.mcpauth.server.support.WithTestIssuer;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * RS-76: every auth decision is one log line with fingerprint, sub, client_id, method, tool,
 * decision and reason, and no log record anywhere (any logger, any level, any stack trace)
 * contains token bytes.
 */
@WithTestIssuer
@HelidonTest
class DecisionLogTest {

    private static TokenMinter MINT;

    @Test
    void rs76_decisionsAreLoggedOneLineEachAndNoTokenBytesAreLoggedAnywhere() throws Exception {
        Capture capture = Capture.start();
        List<String> tokens = new ArrayList<>();
        try {
            String valid = remember(tokens, MINT.token().sign());
            post(valid, initialize(valid), toolCall("server_status"));
            String expired = remember(tokens, MINT.token().expiresAt(Instant.now().minusSeconds(600)).sign());
            withToken(expired).contentType(ContentType.JSON).body(toolCall("whoami")).post("/mcp");
            String forged = remember(tokens, MINT.token().key(TestIssuer.rsaKey("x")).keyId("k1").sign());
            withToken(forged).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
            String queryOnly = remember(tokens, MINT.token().sign());
            request().queryParam("access_token", queryOnly).contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
            withToken("malformed token with spaces").contentType(ContentType.JSON).body(INITIALIZE).post("/mcp");
        } finally {
            capture.stop();
        }
        List<String> lines = capture.lines();
        String fingerprint = TokenFingerprint.of(tokens.getFirst());
        assertThat(lines, hasItem(containsString("fingerprint=" + fingerprint
                + " sub=alice client_id=test-client method=tools/call tool=server_status decision=deny reason=insufficient_scope")));
        assertThat(lines, hasItem(containsString("fingerprint=" + fingerprint
                + " sub=alice client_id=test-client method=initialize tool=- decision=allow reason=granted")));
        assertThat(lines, hasItem(containsString("fingerprint=" + TokenFingerprint.of(tokens.get(1))
                + " sub=- client_id=- method=tools/call tool=whoami decision=deny reason=expired")));
        assertThat(lines, hasItem(containsString("fingerprint=" + TokenFingerprint.of(tokens.get(2))
                + " sub=- client_id=- method=initialize tool=- decision=deny reason=bad_signature")));
        assertThat(lines, hasItem(containsString("fingerprint=- sub=- client_id=- method=initialize tool=- "
                + "decision=deny reason=missing_token")));
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                lines.forEach(line -> assertThat(line, not(containsString(part.length() > 16 ? part : token))));
            }
            lines.forEach(line -> assertThat(line, not(containsString(token.substring(token.length() - 20)))));
        }
        lines.forEach(line -> assertThat(line, not(containsString("malformed token with spaces"))));
    }

    private static String remember(List<String> tokens, String token) {
        tokens.add(token);
        return token;
    }

    /** Collects every record of every logger, formatted with parameters and stack traces. */
    private static final class Capture extends Handler {
        private final List<String> lines = new ArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        private final Logger decisions = Logger.getLogger(AuthDecisionLog.LOGGER_NAME);
        private Level decisionsLevel;

        /** Also lowers the decision log to FINE, so allowed decisions are written and checked too. */
        static Capture start() {
            Capture capture = new Capture();
            Logger root = Logger.getLogger("");
            capture.setLevel(Level.ALL);
            capture.decisionsLevel = capture.decisions.getLevel();
            capture.decisions.setLevel(Level.FINE);
            root.addHandler(capture);
            return capture;
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
            decisions.setLevel(decisionsLevel);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
