package dev.mcpauth.conformance.cli;

/** The text {@code --help} prints. */
final class Usage {
    static final String TEXT = """
            Usage: java -jar mcp-auth-conformance.jar <command> [options]

            Replays MCP Authorization scenarios against an MCP server over HTTP, checking it as an
            OAuth 2.1 resource server, and writes pass/fail reports.

            Commands:
              run        run the scenarios against a server and write the reports
              issuer     run the suite's test authorization server on its own
              list       print the scenario ids and titles
              checklist  print the checklist rows (--markdown: the whole docs/rs-checklist.md)
              free-port  print a free TCP port on the loopback interface
              load       measure a server under load and count its wrong auth decisions
              help       print this text (also --help, -h)

            run --target URL [options]
              --target URL              MCP endpoint under test, e.g. http://127.0.0.1:8080/mcp (required)
              --issuer URL              a running suite test issuer that the target trusts
                                        (default: start one in-process)
              --spec-version V          2025-06-18, 2025-11-25 or 2026-07-28 (default 2025-11-25);
                                        2026-07-28 speaks its stateless transport (server/discover,
                                        Mcp-Method/Mcp-Name headers, no session)
              --out DIR                 report directory, created if missing (default reports/latest)
              --scenario ID[,ID...]     run only these scenarios; repeatable (default: all that apply)
              --expected-failures FILE  known failures, one 'scenario' or 'scenario:check-id' per line,
                                        '#' comments; an entry that no longer fails fails the run
              --token T                 operator-supplied token with the baseline scope, for targets
                                        that trust an authorization server the suite cannot sign for
              --token-file FILE         read that token from FILE instead
              --low-scope-token T       operator-supplied valid token lacking the privileged scope
              --low-scope-token-file FILE  read that token from FILE instead
              --other-user-token T      operator mode: a valid token of a second user (enables the
                                        session-binding check, RS-69)
              --other-user-token-file FILE  read that token from FILE instead
              --other-audience-token T  operator mode: a token from the same authorization server
                                        minted for another resource (enables RS-53 and RS-57)
              --other-audience-token-file FILE  read that token from FILE instead
              --scope S                 baseline scope (default: learned from the target)
              --privileged-scope S      scope the privileged tool needs (default: learned from a 403)
              --privileged-tool NAME    tool used by the insufficient-scope checks
              --timeout SECONDS         per-request timeout (default 10)
              --typ-profile P           lenient (default): accepting typ JWT or no typ is a WARNING;
                                        rfc9068: it is a FAILURE (RFC 9068 enforced)
              --trust-cert FILE         trust the certificates in FILE (PEM) for an https target,
                                        e.g. a self-signed test server
              --jwks-refetch-wait SECONDS  how long key-lifecycle waits for the target to accept a
                                        token signed by the issuer's rotated key (default 15); a
                                        JWKS refetch rate limit longer than this ends in a WARNING
              --broader-scope S         a scope that implies the baseline scope, for the 2026-07-28
                                        scope-hierarchy check (default: the one scopes_supported
                                        entry whose last segment is "admin")
              --server-log FILE         grey box: the target's log; after the run it must hold no
                                        token the suite sent, nor any 12-character piece of one
              --upstream-mock-port N    grey box: run a mock upstream API on 127.0.0.1:N and check
                                        that the target's upstream tool never forwards the token
              --upstream-tool NAME      the target's tool that calls the upstream (default fetch_upstream)
              --debug                   print the stack trace of a harness error
              Tokens can also come from the environment: MCP_CONFORMANCE_TOKEN,
              MCP_CONFORMANCE_LOW_SCOPE_TOKEN, MCP_CONFORMANCE_OTHER_USER_TOKEN,
              MCP_CONFORMANCE_OTHER_AUDIENCE_TOKEN. Prefer a file or the environment to --token, which
              stays in shell history and the process list. Tokens are never printed or written to
              a report. Reports: report.html, summary.md, checks.json, run.json, junit.xml.

              A check the suite cannot run (a missing token, flag or prerequisite) is reported as
              untestable, never as passed: an untestable MUST check is a FAILURE and fails the run,
              an untestable SHOULD check is a WARNING, an untestable MAY check is INFO. Summaries
              count observed failures apart from untestable checks.

              Grey-box checks need the target's cooperation; without their flag they are reported
              as untestable. Token passthrough (RS-58): give the server a tool that makes an
              HTTP request to a URL from its configuration with the server's own credential, start
              it with that URL set to http://127.0.0.1:N/ (any path), and pass --upstream-mock-port N
              (and --upstream-tool NAME if the tool is not fetch_upstream). The suite calls the tool
              with empty arguments and a token holding the scope it needs (it steps up once on a
              403 naming more scope). The reference server: -Dmcp.upstream-url=http://127.0.0.1:N/
              -Dmcp.upstream-token=<its own credential>. Server log (RS-76): redirect the server's
              log to a file and pass --server-log FILE.
              Key lifecycle (JWKS outage, key rotation) needs the suite's issuer (--issuer, or the
              in-process one the target lists); it runs after every other token scenario.

            issuer [--port N] [--host H] [--keys FILE]
              --port N                  TCP port (default 0: any free port)
              --host H                  address to listen on (default 127.0.0.1)
              --keys FILE               keep the signing keys in FILE so restarts keep them
              Prints 'issuer=URL' and 'jwks_uri=URL' lines, then serves until stopped (SIGTERM, Ctrl-C).

            """ + dev.mcpauth.conformance.load.LoadArgs.USAGE + """

            Exit codes:
              0  no unexpected FAILURE (MUST level, observed or untestable) and no stale
                 expected-failure entry
              1  an unexpected FAILURE (including an untestable MUST check), or a stale entry
              2  usage or harness error: bad option or URL, unknown scenario, unreadable file,
                 a run that could not start
            """;

    private Usage() {
    }
}
