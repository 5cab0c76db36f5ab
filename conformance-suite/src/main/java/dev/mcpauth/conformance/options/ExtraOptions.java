package dev.mcpauth.conformance.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The options beyond the basic target, issuer and tokens: the {@code typ} profile, the
 * grey-box hooks, TLS trust and the key-rotation wait.
 *
 * @param typProfile       how {@code typ} is judged
 * @param serverLog        the target's log file, read after the run for token bytes (RS-76, grey box)
 * @param upstreamMockPort the loopback port of the mock upstream API the target calls (RS-58, grey box)
 * @param upstreamTool     the target's tool that calls that upstream
 * @param trustCert        a PEM file of certificates to trust for https targets (self-signed test servers)
 * @param jwksRefetchWait  how long the key-rotation check waits for the target to pick up a new key
 * @param broaderScope     a scope that implies the baseline scope (2026-07-28 scope hierarchy);
 *                         learned from {@code scopes_supported} when absent
 * @param otherTokens      operator-supplied tokens of a second user and for another resource
 * @param toolHints        tools the operator declares safe to call, and the scopes they need ({@code --tool})
 * @param tokenTyp         the {@code typ} header of the good tokens the suite's issuer mints ({@code --token-typ})
 * @param requireGreybox   true ({@code --require-greybox}): a grey-box check whose flag was not given is
 *                         untestable (a MUST check then fails the run); false: it is SKIPPED as not requested
 * @param tokenFormat      JWT access tokens, or opaque tokens the target introspects ({@code --token-format})
 */
public record ExtraOptions(TypProfile typProfile,
                           Optional<Path> serverLog,
                           Optional<Integer> upstreamMockPort,
                           String upstreamTool,
                           Optional<Path> trustCert,
                           Duration jwksRefetchWait,
                           Optional<String> broaderScope,
                           OperatorTokens otherTokens,
                           ToolHints toolHints,
                           TokenTyp tokenTyp,
                           boolean requireGreybox,
                           TokenFormat tokenFormat) {
    public static final String DEFAULT_UPSTREAM_TOOL = "fetch_upstream";
    public static final Duration DEFAULT_JWKS_REFETCH_WAIT = Duration.ofSeconds(15);

    public ExtraOptions {
        Objects.requireNonNull(typProfile, "typProfile");
        Objects.requireNonNull(serverLog, "serverLog");
        Objects.requireNonNull(upstreamMockPort, "upstreamMockPort");
        Objects.requireNonNull(upstreamTool, "upstreamTool");
        Objects.requireNonNull(trustCert, "trustCert");
        Objects.requireNonNull(jwksRefetchWait, "jwksRefetchWait");
        Objects.requireNonNull(broaderScope, "broaderScope");
        Objects.requireNonNull(otherTokens, "otherTokens");
        Objects.requireNonNull(toolHints, "toolHints");
        Objects.requireNonNull(tokenTyp, "tokenTyp");
        Objects.requireNonNull(tokenFormat, "tokenFormat");
        upstreamMockPort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("upstream mock port out of range: " + p);
            }
        });
    }

    public static ExtraOptions defaults() {
        return new ExtraOptions(TypProfile.LENIENT, Optional.empty(), Optional.empty(), DEFAULT_UPSTREAM_TOOL,
                Optional.empty(), DEFAULT_JWKS_REFETCH_WAIT, Optional.empty(), OperatorTokens.NONE,
                ToolHints.NONE, TokenTyp.AT_JWT, false, TokenFormat.JWT);
    }

    public ExtraOptions withTypProfile(TypProfile p) {
        return new ExtraOptions(p, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait, broaderScope, otherTokens,
                toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withServerLog(Path log) {
        return new ExtraOptions(typProfile, Optional.of(log), upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, otherTokens, toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withUpstream(int port, String tool) {
        return new ExtraOptions(typProfile, serverLog, Optional.of(port), tool, trustCert, jwksRefetchWait, broaderScope, otherTokens,
                toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withTrustCert(Path pem) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, Optional.of(pem), jwksRefetchWait,
                broaderScope, otherTokens, toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withBroaderScope(String scope) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                Optional.of(scope), otherTokens, toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withJwksRefetchWait(Duration wait) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, wait, broaderScope, otherTokens,
                toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withOtherTokens(OperatorTokens tokens) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, tokens, toolHints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withToolHints(ToolHints hints) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, otherTokens, hints, tokenTyp, requireGreybox, tokenFormat);
    }

    public ExtraOptions withTokenTyp(TokenTyp typ) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, otherTokens, toolHints, typ, requireGreybox, tokenFormat);
    }

    public ExtraOptions withRequireGreybox(boolean required) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, otherTokens, toolHints, tokenTyp, required, tokenFormat);
    }

    public ExtraOptions withTokenFormat(TokenFormat format) {
        return new ExtraOptions(typProfile, serverLog, upstreamMockPort, upstreamTool, trustCert, jwksRefetchWait,
                broaderScope, otherTokens, toolHints, tokenTyp, requireGreybox, format);
    }
}
