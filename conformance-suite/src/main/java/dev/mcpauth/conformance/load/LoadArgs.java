package dev.mcpauth.conformance.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mcpauth.conformance.spec.SpecVersion;

/** Parses and checks the {@code load} command line into {@link LoadOptions}. */
public final class LoadArgs {
    /** The sessionful version both the reference server and the bench baseline speak. */
    static final SpecVersion DEFAULT_VERSION = SpecVersion.V2025_06_18;
    static final int MAX_CONNECTIONS = 4096;
    private static final Set<String> OPTIONS = Set.of("--target", "--issuer", "--connections", "--duration", "--warmup",
            "--requests", "--mix", "--tool", "--scope", "--spec-version", "--out", "--trust-cert", "--timeout");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    public static final String USAGE = """
            load --target URL --issuer URL [options]
              Measures an MCP server under load: every connection opens an MCP session with a good
              token (none for stateless servers) and calls one tool over and over with the mix of
              credentials below. Reports req/s, p50/p90/p99/max latency, the status histogram and
              WRONG DECISIONS (a bad or missing token answered 2xx, or a good token refused with
              400/401/403) to load.json and load.md. Exit 0: no wrong decision; 1: at least one;
              2: bad arguments, or the target or issuer is unreachable.
              --target URL          MCP endpoint under test (required)
              --issuer URL          a running suite test issuer the target trusts (required)
              --connections N       connections, one session and one virtual thread each (default 64)
              --duration D          measured time, e.g. 30s, 2m, 500ms (default 30s)
              --warmup D            load sent before measuring, not counted (default 5s; 0 for none)
              --requests N          stop after N measured requests instead of at --duration
              --mix K=W,...         weights of good, expired, wrong-aud, bad-sig, no-token
                                    (default good=80,expired=5,wrong-aud=5,bad-sig=5,no-token=5)
              --tool NAME           tool to call (default: the first tools/list entry annotated
                                    readOnlyHint, else whoami)
              --scope S             scope of every token (default: the no-token challenge's scope)
              --spec-version V      2025-06-18 (default), 2025-11-25 or 2026-07-28 (stateless)
              --out DIR             report directory (default reports/perf/<date>-<host>-<port>)
              --trust-cert FILE     trust the certificates in FILE (PEM) for an https target
              --timeout SECONDS     per-request timeout (default 10)
            """;

    private LoadArgs() {
    }

    public static LoadOptions parse(List<String> args) throws LoadArgumentException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!OPTIONS.contains(name)) {
                throw new LoadArgumentException("load: unknown argument '" + name + "'");
            }
            if (i + 1 >= args.size()) {
                throw new LoadArgumentException("load: " + name + " needs a value");
            }
            if (values.put(name, args.get(++i)) != null) {
                throw new LoadArgumentException("load: " + name + " given twice");
            }
        }
        URI target = url(values, "--target");
        URI issuer = url(values, "--issuer");
        int connections = (int) number(values, "--connections", 64, 1, MAX_CONNECTIONS);
        Duration duration = duration(values, "--duration", Duration.ofSeconds(30));
        if (duration.isZero()) {
            throw new LoadArgumentException("load: --duration must be more than 0");
        }
        Duration warmup = duration(values, "--warmup", Duration.ofSeconds(5));
        Optional<Long> requests = values.containsKey("--requests")
                ? Optional.of(number(values, "--requests", 0, 1, Long.MAX_VALUE / 2)) : Optional.empty();
        TokenMix mix;
        try {
            mix = TokenMix.parse(values.getOrDefault("--mix", TokenMix.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new LoadArgumentException("load: " + e.getMessage());
        }
        SpecVersion version;
        try {
            version = values.containsKey("--spec-version") ? SpecVersion.parse(values.get("--spec-version"))
                    : DEFAULT_VERSION;
        } catch (IllegalArgumentException e) {
            throw new LoadArgumentException("load: --spec-version: " + e.getMessage());
        }
        Optional<Path> trust = Optional.ofNullable(values.get("--trust-cert")).map(Path::of);
        if (trust.isPresent() && !Files.isReadable(trust.get())) {
            throw new LoadArgumentException("load: --trust-cert " + trust.get() + " is not a readable file");
        }
        Duration timeout = Duration.ofSeconds(number(values, "--timeout", 10, 1, 600));
        return new LoadOptions(target, issuer, connections, duration, warmup, requests, mix,
                nonBlank(values, "--tool"), Optional.ofNullable(values.get("--scope")).map(String::strip), version,
                Optional.ofNullable(values.get("--out")).map(Path::of), trust, timeout);
    }

    private static Optional<String> nonBlank(Map<String, String> values, String name) throws LoadArgumentException {
        String v = values.get(name);
        if (v != null && v.isBlank()) {
            throw new LoadArgumentException("load: " + name + " is empty");
        }
        return Optional.ofNullable(v);
    }

    private static URI url(Map<String, String> values, String name) throws LoadArgumentException {
        String v = values.get(name);
        if (v == null) {
            throw new LoadArgumentException("load: " + name + " URL is required");
        }
        try {
            URI uri = new URI(v);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new LoadArgumentException("load: " + name + " '" + v + "' is not an http(s) URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new LoadArgumentException("load: " + name + " '" + v + "' is not a URL");
        }
    }

    private static long number(Map<String, String> values, String name, long dflt, long min, long max)
            throws LoadArgumentException {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < min || n > max) {
                throw new LoadArgumentException("load: " + name + " " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new LoadArgumentException("load: " + name + " '" + v + "' is not a whole number");
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or plain seconds. */
    static Duration duration(Map<String, String> values, String name, Duration dflt) throws LoadArgumentException {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            throw new LoadArgumentException("load: " + name + " '" + v + "' is not a duration like 30s, 2m or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        String unit = Optional.ofNullable(m.group(2)).orElse("s");
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
