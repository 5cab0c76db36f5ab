package dev.mcpauth.server.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every decision is counted; denials are logged at INFO, allows only at FINE. */
class DecisionCountsTest {

    private static final AccessToken ALICE = new AccessToken("https://as.test", "alice", Optional.of("c1"),
            Set.of("mcp:read"), java.time.Instant.parse("2026-01-01T00:00:00Z"), Optional.of("k1"), "abc123");

    private final Logger logger = Logger.getLogger(AuthDecisionLog.LOGGER_NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(previousLevel);
    }

    @Test
    void countWhenAllowedAndDeniedThenBothCountedByOutcomeAndReason() {
        DecisionCounts counts = new DecisionCounts();
        counts.count(AuthDecision.allowed(ALICE));
        counts.count(AuthDecision.allowed(ALICE));
        counts.count(AuthDecision.denied("-", "missing_token"));

        assertThat(counts.allowed(), is(2L));
        assertThat(counts.denied(), is(1L));
        assertThat(counts.byReason(), is(Map.of("granted", 2L, "missing_token", 1L)));
    }

    @Test
    void recordWhenInfoLevelThenDenialsAreLoggedAllowsOnlyCounted() {
        logger.setLevel(Level.INFO);
        AuthDecisionLog log = new AuthDecisionLog();
        log.record(AuthDecision.allowed(ALICE));
        log.record(AuthDecision.denied("-", "missing_token"));

        List<String> lines = records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
        assertThat(lines, hasItem("INFO " + AuthDecisionLog.line(AuthDecision.denied("-", "missing_token"))));
        assertThat(lines, not(hasItem("FINE " + AuthDecisionLog.line(AuthDecision.allowed(ALICE)))));
        assertThat(records.size(), is(1));
        assertThat(log.counts().allowed(), is(1L));
        assertThat(log.counts().denied(), is(1L));
        assertThat(log.countsByReason(), is(Map.of("granted", 1L, "missing_token", 1L)));
    }

    @Test
    void recordWhenFineLevelThenAllowsAreLoggedAtFine() {
        logger.setLevel(Level.FINE);
        AuthDecisionLog log = new AuthDecisionLog();
        log.record(AuthDecision.allowed(ALICE));

        assertThat(records.size(), is(1));
        assertThat(records.getFirst().getLevel(), is(Level.FINE));
        assertThat(records.getFirst().getMessage(), is(AuthDecisionLog.line(AuthDecision.allowed(ALICE))));
    }
}
