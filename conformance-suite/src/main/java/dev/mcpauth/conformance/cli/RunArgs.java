package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.options.OperatorTokens;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.options.ToolHints;
import dev.mcpauth.conformance.spec.SpecVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.cli.RunFlags.*;

/**
 * Turns a {@code run} command line into a {@link RunCommand.Request}: reads every option of
 * {@link RunFlags}, applies the rules that join several (a token from its flag, file or
 * environment; {@code --upstream-tool} only with {@code --upstream-mock-port}; known scenario
 * and check ids). Nothing here touches the network.
 */
final class RunArgs {
    static final String TOKEN_ENV = "MCP_CONFORMANCE_TOKEN";
    static final String LOW_SCOPE_TOKEN_ENV = "MCP_CONFORMANCE_LOW_SCOPE_TOKEN";
    static final String OTHER_USER_TOKEN_ENV = "MCP_CONFORMANCE_OTHER_USER_TOKEN";
    static final String OTHER_AUDIENCE_TOKEN_ENV = "MCP_CONFORMANCE_OTHER_AUDIENCE_TOKEN";
    static final Path DEFAULT_OUT = Path.of("reports", "latest");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private RunArgs() {
    }

    static RunCommand.Request parse(List<String> args, Map<String, String> env, Optional<ScenarioCatalog> catalog)
            throws UsageException {
        ParsedArgs a = RunFlags.parse(args);
        RunOptions options = new RunOptions(
                TARGET.read(a).orElseThrow(() -> new UsageException("missing --target URL (the MCP endpoint to test)")),
                ISSUER.read(a), SPEC_VERSION.read(a).orElse(SpecVersion.DEFAULT), scenarios(a, catalog),
                token(a, TOKEN, TOKEN_FILE, TOKEN_ENV, env),
                token(a, LOW_SCOPE_TOKEN, LOW_SCOPE_TOKEN_FILE, LOW_SCOPE_TOKEN_ENV, env),
                SCOPE.read(a), PRIVILEGED_SCOPE.read(a), PRIVILEGED_TOOL.read(a),
                TIMEOUT.read(a).orElse(DEFAULT_TIMEOUT), extras(a, env)).withChecks(checks(a, catalog))
                .withAlsoProtect(ALSO_PROTECT.readAll(a));
        return new RunCommand.Request(options, OUT.read(a).orElse(DEFAULT_OUT), EXPECTED_FAILURES.read(a),
                DEBUG.read(a).orElse(false));
    }

    private static ExtraOptions extras(ParsedArgs a, Map<String, String> env) throws UsageException {
        ExtraOptions extras = ExtraOptions.defaults();
        Optional<String> tool = UPSTREAM_TOOL.read(a);
        Optional<Integer> port = UPSTREAM_MOCK_PORT.read(a);
        if (port.isPresent()) {
            extras = extras.withUpstream(port.get(), tool.orElse(ExtraOptions.DEFAULT_UPSTREAM_TOOL));
        } else if (tool.isPresent()) {
            throw new UsageException("--upstream-tool needs --upstream-mock-port");
        }
        extras = extras.withTypProfile(TYP_PROFILE.read(a).orElse(extras.typProfile()));
        extras = SERVER_LOG.read(a).map(extras::withServerLog).orElse(extras);
        extras = TRUST_CERT.read(a).map(extras::withTrustCert).orElse(extras);
        extras = JWKS_REFETCH_WAIT.read(a).map(extras::withJwksRefetchWait).orElse(extras);
        extras = BROADER_SCOPE.read(a).map(extras::withBroaderScope).orElse(extras);
        extras = TOKEN_TYP.read(a).map(extras::withTokenTyp).orElse(extras);
        extras = TOKEN_FORMAT.read(a).map(extras::withTokenFormat).orElse(extras);
        extras = extras.withToolHints(toolHints(a));
        extras = extras.withRequireGreybox(REQUIRE_GREYBOX.read(a).orElse(false));
        return extras.withOtherTokens(new OperatorTokens(
                token(a, OTHER_USER_TOKEN, OTHER_USER_TOKEN_FILE, OTHER_USER_TOKEN_ENV, env),
                token(a, OTHER_AUDIENCE_TOKEN, OTHER_AUDIENCE_TOKEN_FILE, OTHER_AUDIENCE_TOKEN_ENV, env)));
    }

    private static ToolHints toolHints(ParsedArgs a) throws UsageException {
        try {
            return new ToolHints(TOOL.readAll(a));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<String> scenarios(ParsedArgs a, Optional<ScenarioCatalog> catalog) throws UsageException {
        Set<String> ids = new LinkedHashSet<>();
        SCENARIO.readAll(a).forEach(ids::addAll);
        if (catalog.isPresent()) {
            List<String> known = catalog.get().scenarios().stream().map(ScenarioCatalog.Scenario::id).toList();
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw new UsageException("unknown scenario '" + id + "' (the 'list' command shows them)");
                }
            }
        }
        return List.copyOf(ids);
    }

    private static List<String> checks(ParsedArgs a, Optional<ScenarioCatalog> catalog) throws UsageException {
        Set<String> ids = new LinkedHashSet<>();
        CHECK.readAll(a).forEach(ids::addAll);
        if (catalog.isPresent()) {
            List<String> known = catalog.get().scenarios().stream().flatMap(s -> s.checks().stream()).toList();
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw new UsageException("unknown check '" + id + "' (the 'list --checks' command shows them)");
                }
            }
        }
        return List.copyOf(ids);
    }

    /** A token from the flag, else its file, else the environment; never echoed in a message. */
    static Optional<String> token(ParsedArgs a, OptionSpec<String> flag, OptionSpec<Path> fileFlag, String envName,
                                  Map<String, String> env) throws UsageException {
        Optional<String> direct = flag.read(a);
        Optional<Path> file = fileFlag.read(a);
        if (direct.isPresent() && file.isPresent()) {
            throw new UsageException("give " + flag.name() + " or " + fileFlag.name() + ", not both");
        }
        String token;
        String source;
        if (direct.isPresent()) {
            token = direct.get();
            source = flag.name();
        } else if (file.isPresent()) {
            try {
                token = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageException("cannot read " + fileFlag.name() + " " + file.get() + ": " + Problems.describe(e));
            }
            source = fileFlag.name() + " " + file.get();
        } else if (env.containsKey(envName) && !env.get(envName).isBlank()) {
            token = env.get(envName).strip();
            source = "environment variable " + envName;
        } else {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            throw new UsageException("the token from " + source + " is empty");
        }
        if (token.codePoints().anyMatch(cp -> cp <= 0x20 || cp >= 0x7F)) {
            throw new UsageException("the token from " + source + " contains spaces, control or non-ASCII characters");
        }
        return Optional.of(token);
    }

    /** The tokens a request carries, to keep out of every output. */
    static List<String> secrets(RunOptions options) {
        List<String> secrets = new ArrayList<>();
        options.token().ifPresent(secrets::add);
        options.lowScopeToken().ifPresent(secrets::add);
        options.extras().otherTokens().otherUser().ifPresent(secrets::add);
        options.extras().otherTokens().otherAudience().ifPresent(secrets::add);
        return secrets;
    }
}
