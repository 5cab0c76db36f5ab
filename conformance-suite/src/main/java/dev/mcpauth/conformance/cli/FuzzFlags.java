package dev.mcpauth.conformance.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every option of {@code fuzz}, declared once (as {@link RunFlags} does for {@code run}). */
final class FuzzFlags {
    static final OptionSpec<URI> TARGET = OptionSpec.value("--target", "URL",
            "MCP endpoint to fuzz, e.g. http://127.0.0.1:8080/mcp (required; loopback unless --allow-remote)", Parsers::url);
    static final OptionSpec<URI> ISSUER = OptionSpec.value("--issuer", "URL",
            "a running suite test issuer the target trusts: requests then carry a good token and a session, so "
                    + "mutated bodies reach the dispatcher (default: random tokens only)", Parsers::url);
    static final OptionSpec<String> REQUESTS = OptionSpec.value("--requests", "N",
            "requests to send (default 100000)", Parsers::nonBlank);
    static final OptionSpec<String> CONNECTIONS = OptionSpec.value("--connections", "N",
            "concurrent requests (default 4)", Parsers::nonBlank);
    static final OptionSpec<String> SEED = OptionSpec.value("--seed", "N",
            "seed of the mutations; request i is rebuilt from the seed and i alone (default: the clock)", Parsers::nonBlank);
    static final OptionSpec<String> SCOPE = OptionSpec.value("--scope", "S",
            "scope of the good token (default: the scope of the target's challenge)", Parsers::nonBlank);
    static final OptionSpec<Path> OUT = OptionSpec.value("--out", "DIR",
            "report directory for fuzz.json and fuzz.md (default reports/fuzz/latest)", Parsers::path);
    static final OptionSpec<Path> TRUST_CERT = OptionSpec.value("--trust-cert", "FILE",
            "trust the certificates in FILE (PEM) for an https target", Parsers::readableFile);
    static final OptionSpec<Duration> TIMEOUT = OptionSpec.value("--timeout", "SECONDS",
            "per-request timeout (default 10)", Parsers::seconds);
    static final OptionSpec<Boolean> ALLOW_REMOTE = OptionSpec.flag("--allow-remote",
            "fuzz a target that is not on a loopback address (only a server you own)");

    static final List<OptionSpec<?>> ALL = List.of(TARGET, ISSUER, REQUESTS, CONNECTIONS, SEED, SCOPE, OUT, TRUST_CERT,
            TIMEOUT, ALLOW_REMOTE);

    private FuzzFlags() {
    }

    static ParsedArgs parse(List<String> args) throws UsageException {
        return ParsedArgs.parse(args, ALL);
    }

    static long number(String option, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) {
                throw new UsageException(option + " " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a whole number");
        }
    }
}
