package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ProtectedUrl;
import dev.mcpauth.conformance.options.TokenFormat;
import dev.mcpauth.conformance.options.TokenTyp;
import dev.mcpauth.conformance.options.ToolHint;
import dev.mcpauth.conformance.options.TypProfile;
import dev.mcpauth.conformance.spec.SpecVersion;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every option of {@code run}, declared once: parsing, checks and {@code --help} are made from this table. */
final class RunFlags {
    static final OptionSpec<URI> TARGET = OptionSpec.value("--target", "URL",
            "MCP endpoint under test, e.g. http://127.0.0.1:8080/mcp (required)", Parsers::url);
    static final OptionSpec<URI> ISSUER = OptionSpec.value("--issuer", "URL",
            "a running suite test issuer that the target trusts (default: start one in-process)", Parsers::url);
    static final OptionSpec<SpecVersion> SPEC_VERSION = OptionSpec.value("--spec-version", "V",
            SpecVersion.runnableLabels() + " (default " + SpecVersion.DEFAULT + "); 2026-07-28 speaks its stateless "
                    + "transport (server/discover, Mcp-Method/Mcp-Name headers, no session)", Parsers::specVersion);
    static final OptionSpec<Path> OUT = OptionSpec.value("--out", "DIR",
            "report directory, created if missing (default reports/latest)", Parsers::path);
    static final OptionSpec<List<String>> SCENARIO = OptionSpec.repeatable("--scenario", "ID[,ID...]",
            "run only these scenarios; repeatable (default: all that apply)", Parsers::ids);
    static final OptionSpec<List<String>> CHECK = OptionSpec.repeatable("--check", "ID[,ID...]",
            "run the scenarios that hold these checks and report only these checks; repeatable "
                    + "(the 'list --checks' command shows the ids)", Parsers::ids);
    static final OptionSpec<Path> EXPECTED_FAILURES = OptionSpec.value("--expected-failures", "FILE",
            "known failures, one 'scenario' or 'scenario:check-id' per line, '#' comments; an entry that no longer "
                    + "fails fails the run", Parsers::path);
    static final OptionSpec<String> TOKEN = OptionSpec.value("--token", "T",
            "operator-supplied token with the baseline scope, for targets that trust an authorization server the "
                    + "suite cannot sign for", Parsers::text);
    static final OptionSpec<Path> TOKEN_FILE = tokenFile("--token-file");
    static final OptionSpec<String> LOW_SCOPE_TOKEN = OptionSpec.value("--low-scope-token", "T",
            "operator-supplied valid token lacking the privileged scope", Parsers::text);
    static final OptionSpec<Path> LOW_SCOPE_TOKEN_FILE = tokenFile("--low-scope-token-file");
    static final OptionSpec<String> OTHER_USER_TOKEN = OptionSpec.value("--other-user-token", "T",
            "operator mode: a valid token of a second user (enables the session-binding check, RS-69)", Parsers::text);
    static final OptionSpec<Path> OTHER_USER_TOKEN_FILE = tokenFile("--other-user-token-file");
    static final OptionSpec<String> OTHER_AUDIENCE_TOKEN = OptionSpec.value("--other-audience-token", "T",
            "operator mode: a token from the same authorization server minted for another resource (enables the "
                    + "audience checks of RS-53 and RS-57)", Parsers::text);
    static final OptionSpec<Path> OTHER_AUDIENCE_TOKEN_FILE = tokenFile("--other-audience-token-file");
    static final OptionSpec<String> SCOPE = OptionSpec.value("--scope", "S",
            "baseline scope (default: learned from the target)", Parsers::nonBlank);
    static final OptionSpec<String> PRIVILEGED_SCOPE = OptionSpec.value("--privileged-scope", "S",
            "scope the privileged tool needs (default: learned from a 403)", Parsers::nonBlank);
    static final OptionSpec<String> PRIVILEGED_TOOL = OptionSpec.value("--privileged-tool", "NAME",
            "tool used by the insufficient-scope checks", Parsers::nonBlank);
    static final OptionSpec<ToolHint> TOOL = OptionSpec.repeatable("--tool", "NAME[=SCOPE,...]",
            "a tool that is safe to call with empty arguments, and the scopes it needs (none: the baseline scope "
                    + "suffices); repeatable. Needed when the target's tools carry no readOnlyHint or _meta "
                    + "requiredScopes: without one the suite calls no tool and the tool checks are untestable",
            Parsers::toolHint);
    static final OptionSpec<Duration> TIMEOUT = OptionSpec.value("--timeout", "SECONDS",
            "per-request timeout (default 10)", Parsers::seconds);
    static final OptionSpec<TypProfile> TYP_PROFILE = OptionSpec.value("--typ-profile", "P",
            "lenient (default): accepting typ JWT or no typ is a WARNING; rfc9068: it is a FAILURE (RFC 9068 "
                    + "enforced; docs/rs-checklist.md, policy P-04)", Parsers::typProfile);
    static final OptionSpec<TokenTyp> TOKEN_TYP = OptionSpec.value("--token-typ", "T",
            "typ of the good tokens the suite's issuer mints: at+jwt (default, RFC 9068), JWT or none. With at+jwt, "
                    + "a target that refuses it but accepts typ JWT gets a WARNING and the run goes on with JWT",
            Parsers::tokenTyp);
    static final OptionSpec<TokenFormat> TOKEN_FORMAT = OptionSpec.value("--token-format", "F",
            "jwt (default) or opaque: the suite's issuer hands out opaque tokens that the target must introspect at "
                    + "its RFC 7662 endpoint, and the run is the opaque-token profile (RS-60)", Parsers::tokenFormat);
    static final OptionSpec<Path> TRUST_CERT = OptionSpec.value("--trust-cert", "FILE",
            "trust the certificates in FILE (PEM) for an https target, e.g. a self-signed test server",
            Parsers::readableFile);
    static final OptionSpec<Duration> JWKS_REFETCH_WAIT = OptionSpec.value("--jwks-refetch-wait", "SECONDS",
            "how long key-lifecycle waits for the target to accept a token signed by the issuer's rotated key "
                    + "(default 15); a JWKS refetch rate limit longer than this ends in a WARNING", Parsers::seconds);
    static final OptionSpec<String> BROADER_SCOPE = OptionSpec.value("--broader-scope", "S",
            "a scope that implies the baseline scope, for the 2026-07-28 scope-hierarchy check (default: the one "
                    + "scopes_supported entry whose last segment is \"admin\")", Parsers::oneScope);
    static final OptionSpec<Path> SERVER_LOG = OptionSpec.value("--server-log", "FILE",
            "grey box: the target's log; after the run it must hold no token the suite sent, nor any 12-character "
                    + "piece of one", Parsers::path);
    static final OptionSpec<Integer> UPSTREAM_MOCK_PORT = OptionSpec.value("--upstream-mock-port", "N",
            "grey box: run a mock upstream API on 127.0.0.1:N and check that the target's upstream tool never "
                    + "forwards the token", Parsers::port);
    static final OptionSpec<String> UPSTREAM_TOOL = OptionSpec.value("--upstream-tool", "NAME",
            "the target's tool that calls the upstream (default fetch_upstream)", Parsers::nonBlank);
    static final OptionSpec<Boolean> REQUIRE_GREYBOX = OptionSpec.flag("--require-greybox",
            "make the grey-box checks required: without --server-log or --upstream-mock-port they are untestable "
                    + "(a MUST check then fails the run) instead of skipped as not requested");
    static final OptionSpec<ProtectedUrl> ALSO_PROTECT = OptionSpec.repeatable("--also-protect", "URL[,METHOD]",
            "also judge this non-MCP URL's bearer edge (no token, malformed, expired, wrong audience and issuer, bad "
                    + "signature, alg none, challenge syntax, its RFC 9728 PRM), reported per URL; tokens for it carry "
                    + "the resource of its PRM as aud (so the token checks need the suite's issuer, not operator tokens). "
                    + "METHOD defaults to GET; use a method without side effects; repeatable", Parsers::protectedUrl);
    static final OptionSpec<Boolean> DEBUG = OptionSpec.flag("--debug", "print the stack trace of a harness error");

    /** In {@code --help} order. */
    static final List<OptionSpec<?>> ALL = List.of(TARGET, ISSUER, SPEC_VERSION, OUT, SCENARIO, CHECK,
            EXPECTED_FAILURES, TOKEN, TOKEN_FILE, LOW_SCOPE_TOKEN, LOW_SCOPE_TOKEN_FILE, OTHER_USER_TOKEN,
            OTHER_USER_TOKEN_FILE, OTHER_AUDIENCE_TOKEN, OTHER_AUDIENCE_TOKEN_FILE, SCOPE, PRIVILEGED_SCOPE,
            PRIVILEGED_TOOL, TOOL, TIMEOUT, TYP_PROFILE, TOKEN_TYP, TOKEN_FORMAT, TRUST_CERT, JWKS_REFETCH_WAIT, BROADER_SCOPE, SERVER_LOG,
            UPSTREAM_MOCK_PORT, UPSTREAM_TOOL, REQUIRE_GREYBOX, ALSO_PROTECT, DEBUG);

    private RunFlags() {
    }

    private static OptionSpec<Path> tokenFile(String name) {
        return OptionSpec.value(name, "FILE", "read that token from FILE instead", Parsers::path);
    }

    static ParsedArgs parse(List<String> args) throws UsageException {
        return ParsedArgs.parse(args, ALL);
    }
}
