package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.spec.Checklist;

import java.util.ArrayList;
import java.util.List;

/** The text {@code --help} prints: the {@code run} options come from {@link RunFlags}, the checklist line from the catalogue. */
final class Usage {
    private static final int COLUMN = 28;
    private static final int WIDTH = 100;

    private static final String HEAD = """
            Usage: java -jar mcp-auth-conformance.jar <command> [options]

            Replays MCP Authorization scenarios against an MCP server over HTTP, checking it as an
            OAuth 2.1 resource server, and writes pass/fail reports.

            Commands:
              run        run the scenarios against a server and write the reports
              issuer     run the suite's test authorization server on its own
              list       print the scenario ids and titles (--checks: every check id, its scenario and rows)
              checklist  print the checklist rows (--markdown: the whole docs/rs-checklist.md)
              free-port  print a free TCP port on the loopback interface
              load       measure a server under load and count its wrong auth decisions
              fuzz       send mutated requests; fail on a 5xx, an echoed token or a server that stops answering
              help       print this text (also --help, -h)

            run --target URL [options]
            """;

    private static final String RUN_NOTES = """
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
              2  usage or harness error: bad option or URL, unknown scenario or check, unreadable
                 file, a run that could not start
            """;

    private static final String FUZZ_NOTES = """
              Families: authorization, query-and-form-token, origin, protocol-version, session-id,
              content-type, mcp-headers, json-body, http-method (request i has family i mod 9).
              Exit 0: every answer below 500, no token or 12-character piece of one echoed, the
              server answering to the end; 1: otherwise (fuzz.md shows the smallest failing request,
              tokens redacted); 2: bad arguments or an unreachable target or issuer.
            """;

    private Usage() {
    }

    static String text() {
        StringBuilder help = new StringBuilder(HEAD);
        for (OptionSpec<?> option : RunFlags.ALL) {
            help.append(optionLines(option));
        }
        Checklist checklist = Checklist.bundled();
        help.append(RUN_NOTES).append("\nfuzz --target URL [options]\n");
        for (OptionSpec<?> option : FuzzFlags.ALL) {
            help.append(optionLines(option));
        }
        return help.append(FUZZ_NOTES).append("\nThe checklist behind every check: ").append(checklist.rows().size())
                .append(" rows and ").append(checklist.policies().size())
                .append(" policies, in docs/rs-checklist.md\n(print it with 'checklist --markdown').\n").toString();
    }

    /** {@code --name ARG} in the left column, the help wrapped at {@value #WIDTH} characters beside it. */
    static String optionLines(OptionSpec<?> option) {
        String left = "  " + option.synopsis();
        List<String> lines = wrap(option.help(), WIDTH - COLUMN);
        StringBuilder out = new StringBuilder();
        if (left.length() >= COLUMN) {
            out.append(left).append('\n');
        } else {
            out.append(left).append(" ".repeat(COLUMN - left.length())).append(lines.removeFirst()).append('\n');
        }
        lines.forEach(l -> out.append(" ".repeat(COLUMN)).append(l).append('\n'));
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
