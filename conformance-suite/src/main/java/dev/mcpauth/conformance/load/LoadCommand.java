package dev.mcpauth.conformance.load;

import dev.mcpauth.conformance.http.TrustedCertificates;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code load}: measures an MCP server's authenticated tool calls under concurrent load and counts
 * its wrong authorization decisions. Exit 0: none; 1: at least one; 2: bad arguments, or the target
 * or issuer unreachable or not an MCP server (always one line on stderr).
 */
public final class LoadCommand {
    public static final int EXIT_PASS = 0;
    public static final int EXIT_WRONG_DECISIONS = 1;
    public static final int EXIT_USAGE = 2;
    private static final Pattern SCOPE_PARAM = Pattern.compile("(?i)(?:^|[\\s,])scope=\"([^\"]*)\"");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public LoadCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int execute(List<String> args) {
        LoadOptions options;
        try {
            options = LoadArgs.parse(args);
        } catch (LoadArgumentException e) {
            err.println("error: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        }
        try {
            return run(options);
        } catch (LoadSetupException e) {
            err.println("error: load: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    private int run(LoadOptions o) throws LoadSetupException {
        Optional<SSLContext> tls = Optional.empty();
        if (o.trustCert().isPresent()) {
            try {
                tls = Optional.of(TrustedCertificates.sslContext(o.trustCert().get()));
            } catch (IOException e) {
                throw new LoadSetupException(e.getMessage());
            }
        }
        try (McpWire wire = new McpWire(o.target(), o.specVersion(), o.timeout(), tls)) {
            WireResponse probe = wire.probe();
            if (!probe.answered()) {
                throw new LoadSetupException("cannot reach the target " + o.target() + ": " + probe.error());
            }
            String scope = o.scope().or(() -> probe.wwwAuthenticate().flatMap(LoadCommand::scopeParam)).orElse("");
            try (LoadTokens tokens = IssuerLoadTokens.connect(o.issuer(), o.target(), scope, o.timeout(), clock)) {
                return measure(o, wire, tokens, scope);
            }
        }
    }

    private int measure(LoadOptions o, McpWire wire, LoadTokens tokens, String scope) throws LoadSetupException {
        String first = tokens.mint(TokenKind.GOOD).orElseThrow();
        McpWire.Opened opened = wire.open(first);
        if (opened.refused().isPresent()) {
            WireResponse r = opened.refused().get();
            if (Decision.judge(TokenKind.GOOD, r.status()) == Decision.WRONG) {
                err.println("error: load: WRONG DECISION: the target refused a good token (scope \"" + scope
                        + "\") when opening a session: " + r.status() + " " + r.wwwAuthenticate().orElse(""));
                return EXIT_WRONG_DECISIONS;
            }
            throw new LoadSetupException("the target did not open an MCP session with a good token: "
                    + (r.answered() ? "answered " + r.status() : r.error()));
        }
        String tool = chooseTool(o, wire, opened.session(), first);

        Map<TokenKind, Optional<String>> bad = new EnumMap<>(TokenKind.class);
        for (TokenKind k : o.mix().weights().keySet()) {
            if (!k.mustBeAccepted()) {
                bad.put(k, tokens.mint(k));
            }
        }
        List<TokenKind> schedule = o.mix().schedule();
        Duration refresh = IssuerLoadTokens.lifetime().dividedBy(2);
        List<LoadWorker> workers = new ArrayList<>();
        for (int i = 0; i < o.connections(); i++) {
            String good = i == 0 ? first : tokens.mint(TokenKind.GOOD).orElseThrow();
            McpWire.Opened w = i == 0 ? opened : wire.open(good);
            if (w.refused().isPresent()) {
                WireResponse r = w.refused().get();
                throw new LoadSetupException("connection " + (i + 1) + " could not open a session: "
                        + (r.answered() ? "answered " + r.status() : r.error()));
            }
            workers.add(new LoadWorker(wire, w.session(), tokens, good, clock.instant(), bad, schedule,
                    i * schedule.size() / o.connections(), tool, clock, refresh));
        }
        if (!o.warmup().isZero()) {
            LoadPhase.run(workers, o.warmup(), Optional.empty());
        }
        Instant started = clock.instant();
        LoadPhase.Outcome measured = LoadPhase.run(workers, o.duration(), o.requests());
        LoadReport report = new LoadReport(o.target().toString(), o.specVersion().label(), tool, scope, o.connections(),
                o.warmup(), measured.elapsed(), o.mix(), started, measured.stats());
        Path dir = o.out().orElseGet(() -> defaultDir(o.target(), started));
        try {
            report.write(dir);
        } catch (IOException e) {
            throw new LoadSetupException("cannot write the reports to " + dir + ": " + e.getMessage());
        }
        out.println(report.summary());
        out.println("load: reports in " + dir.resolve("load.md") + " and load.json");
        report.stats().wrongExamples.forEach(e -> out.println("load: WRONG DECISION: " + e));
        return report.wrongDecisions() == 0 ? EXIT_PASS : EXIT_WRONG_DECISIONS;
    }

    private String chooseTool(LoadOptions o, McpWire wire, McpWire.Session session, String token)
            throws LoadSetupException {
        WireResponse list = wire.toolsList(session, token);
        var tools = ToolChoice.tools(list.body());
        if (o.tool().isPresent()) {
            if (list.success() && !tools.isEmpty() && !ToolChoice.listed(tools, o.tool().get())) {
                throw new LoadSetupException("tools/list does not list --tool " + o.tool().get());
            }
            return o.tool().get();
        }
        if (!list.success()) {
            throw new LoadSetupException("tools/list with a good token answered "
                    + (list.answered() ? list.status() : list.error()) + "; name the tool with --tool");
        }
        return ToolChoice.choose(tools).orElseThrow(() -> new LoadSetupException(
                "no tool is annotated readOnlyHint and none is called whoami; name one with --tool"));
    }

    static Optional<String> scopeParam(String challenge) {
        Matcher m = SCOPE_PARAM.matcher(challenge);
        return m.find() && !m.group(1).isBlank() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** {@code reports/perf/<date>-<host>-<port>}. */
    static Path defaultDir(URI target, Instant started) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        String host = target.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        return Path.of("reports", "perf", DATE.format(started) + "-" + host + "-" + port);
    }
}
