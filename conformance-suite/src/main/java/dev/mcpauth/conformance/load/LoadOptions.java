package dev.mcpauth.conformance.load;

import dev.mcpauth.conformance.spec.SpecVersion;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code load} run needs, parsed and checked by {@link LoadArgs}.
 *
 * @param target      the MCP endpoint
 * @param issuer      a running suite test issuer the target trusts
 * @param connections how many connections (one virtual thread and one MCP session each)
 * @param duration    how long to measure, after the warm-up
 * @param warmup      how long to send before measuring (not counted)
 * @param requests    stop after this many measured requests instead of at the end of {@code duration}
 * @param mix         how often each kind of credential is sent
 * @param tool        the tool to call; default the first read-only tool, else {@code whoami}
 * @param scope       the scope of every token; default the scope the target's no-token challenge names
 * @param specVersion the MCP version to speak (2026-07-28: stateless, no session)
 * @param out         the report directory; default {@code reports/perf/<date>-<host>-<port>}
 * @param trustCert   certificates (PEM) to trust for an https target
 * @param timeout     per-request timeout
 */
public record LoadOptions(URI target, URI issuer, int connections, Duration duration, Duration warmup,
                          Optional<Long> requests, TokenMix mix, Optional<String> tool, Optional<String> scope,
                          SpecVersion specVersion, Optional<Path> out, Optional<Path> trustCert, Duration timeout) {
    public LoadOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(trustCert, "trustCert");
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean stateless() {
        return specVersion.atLeast(SpecVersion.V2026_07_28);
    }
}
