package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.greybox.ServerLogScan;
import dev.mcpauth.conformance.http.RecordingHttpClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * After every other scenario: no response of the whole run carried a token the suite sent, and
 * (grey box, {@code --server-log}) neither does the target's log.
 */
final class TokenHygieneScenario implements Scenario {
    static final long LOG_SETTLE_MILLIS = 300;

    static final CheckSpec NO_ECHO = CheckSpec.of("token-hygiene-no-echo", Level.SHOULD,
            "No response of the run echoes a token",
            "No response the target sent during the whole run (every scenario before this one) contains a token the "
                    + "suite sent, whole or as a 12-character piece, in a header or the body. The specs are silent on "
                    + "echoes (RS-23); tokens must not leak into pages, caches or logs (RS-76).",
            List.of("RS-76", "RS-23"), "MCP-authorization#token-theft", "OAUTH21-7.1");
    static final CheckSpec LOG = CheckSpec.of("token-hygiene-server-log", Level.MUST,
            "The server log holds no token",
            "Grey box, enabled by --server-log FILE (the target's log): after the run the file contains none of the "
                    + "tokens the suite sent, whole or as a 12-character piece (a prefix or a fingerprint of more than "
                    + "11 token characters is a leak too). Without the flag: untestable.",
            List.of("RS-76"), "MCP-authorization#token-theft", "OAUTH21-7.1");

    @Override
    public String id() {
        return "token-hygiene";
    }

    @Override
    public String title() {
        return "Token hygiene: no token echoed in any response or written to the server log";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(NO_ECHO, LOG);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        List<RecordingHttpClient.Echo> echoes = ctx.target().http().echoes();
        rec.verdict(NO_ECHO, echoes.isEmpty(), echoes.size() + " response(s) carried a token the suite sent: "
                + String.join("; ", echoes.stream().limit(5).map(e -> e.request() + " (" + e.marker() + ")").toList()),
                details("echoes", echoes.size()), List.of());
        Optional<Path> log = ctx.target().options().extras().serverLog();
        if (log.isEmpty()) {
            rec.greyBoxNotRequested(LOG, "pass --server-log FILE, the file the target logs to",
                    ctx.target().options().extras().requireGreybox());
            return;
        }
        settle();
        try {
            if (Files.size(log.get()) == 0) {
                rec.untestable(LOG, "the log " + log.get() + " is empty: is it the file the target writes?", List.of());
                return;
            }
            ServerLogScan.Result scan = ServerLogScan.scan(log.get(), ctx.target().http().redactor());
            rec.verdict(LOG, scan.clean(), scan.count() + " line(s) of " + log.get() + " hold a token the suite sent "
                    + "or a piece of one: " + String.join("; ", scan.findings()),
                    details("log", log.get().toString(), "lines", scan.lines(), "linesWithTokens", scan.count()), List.of());
        } catch (IOException e) {
            rec.untestable(LOG, "cannot read the server log " + log.get() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), List.of());
        }
    }

    /** Lets the target's logger flush what the last requests wrote. */
    private static void settle() {
        try {
            Thread.sleep(LOG_SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
