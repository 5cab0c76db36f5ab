package dev.mcpauth.server.auth;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes one line per auth decision and counts every decision ({@link DecisionCounts}, for
 * {@code server_status}). Denials are logged at {@code INFO}; allows only at {@code FINE}, so a
 * busy server does not write a console line per good request (set
 * {@code dev.mcpauth.server.auth.decisions.level=FINE} to see them).
 * Line shape: {@code fingerprint=… sub=… client_id=… method=… tool=… decision=allow|deny reason=…}.
 * Values are reduced to a safe character set, so a hostile method name cannot forge log lines;
 * the token itself is never passed in (RS-76).
 */
@ApplicationScoped
public class AuthDecisionLog {

    public static final String LOGGER_NAME = "dev.mcpauth.server.auth.decisions";
    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);
    private static final int MAX_VALUE_LENGTH = 64;

    private final DecisionCounts counts = new DecisionCounts();

    public void record(AuthDecision decision) {
        counts.count(decision);
        LOGGER.log(decision.allowed() ? Level.FINE : Level.INFO, () -> line(decision));
    }

    public DecisionCounts counts() {
        return counts;
    }

    /** Decision counts by reason code, sorted by reason. */
    public Map<String, Long> countsByReason() {
        return counts.byReason();
    }

    static String line(AuthDecision d) {
        return "fingerprint=" + safe(Optional.of(d.fingerprint()))
                + " sub=" + safe(d.subject())
                + " client_id=" + safe(d.clientId())
                + " method=" + safe(d.method())
                + " tool=" + safe(d.tool())
                + " decision=" + (d.allowed() ? "allow" : "deny")
                + " reason=" + safe(Optional.of(d.reason()));
    }

    /**
     * {@code value} reduced to {@code [A-Za-z0-9._:/@+-]} (anything else becomes {@code _}),
     * at most 64 characters, {@code -} when empty: safe to put in one log line whatever its
     * source. Also used for values from other servers' documents ({@link IssuerMetadataDiscovery}).
     */
    static String safe(String value) {
        return safe(Optional.ofNullable(value));
    }

    private static String safe(Optional<String> value) {
        String text = value.filter(v -> !v.isEmpty()).orElse("-").replaceAll("[^A-Za-z0-9._:/@+-]", "_");
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "..." : text;
    }
}
