# Sourced by the Java peer scripts (ci/peers/spring-ai.sh, ci/peers/quarkus.sh): builds the suite
# and a small peer app kept under ci/peers/<name>/ (its own Maven project, not in the root reactor),
# starts the suite's test issuer and the peer on free loopback ports, runs the suite once per spec
# version in issuer mode with the tool hints, and writes the reports plus run-info.txt and
# probes.md. Everything runs on 127.0.0.1; every process it starts is stopped by PID on exit.
#
# The sourcing script sets, before calling peer_main "$@":
#   PEER          short name (spring-ai, quarkus): the project is ci/peers/$PEER, the cache .cache/peers/$PEER
#   PEER_LABEL    what runs, for run-info.txt (framework and library versions)
#   PEER_OUT      default report directory (reports/peers/<name>-<version>)
#   PEER_ARTIFACT the built file to start, relative to the build directory
#   PEER_PATH     the MCP endpoint path (/mcp)
#   PEER_HARDENING what --hardened turns on (the peer_command reads $HARDENED: 1 with --hardened)
#   HINTS         array: the suite's tool hints (--tool NAME[=SCOPE,...])
#   peer_command  function: runs the peer in the foreground (PEER_PORT and PEER_ISSUER are
#                 exported); its output goes to the peer log
#   peer_libs     function: prints the jar names the built app bundles (for run-info.txt)
#   LIBS_SHOWN    extended regex: which of those jars run-info.txt lists
# Environment: SPEC_VERSIONS (default "2025-06-18 2025-11-25"), SKIP_BUILD=1 (reuse the suite jar).
# Exit: 0 when the harness worked, whatever the suite found; 2 on a harness error.

peer_usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

HARDENED=0
peer_main() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --out) out="${2:?--out needs a directory}"; shift 2 ;;
            --hardened) HARDENED=1; PEER_OUT=$PEER_OUT-hardened; PEER_LABEL="$PEER_LABEL; HARDENED: $PEER_HARDENING"; shift ;;
            -h|--help) peer_usage; exit 0 ;;
            *) echo "$PEER.sh: unknown argument $1 (use --out DIR, --hardened)" >&2; exit 2 ;;
        esac
    done
    out=${out:-$PEER_OUT}
    case "$out" in /*) ;; *) out=$ROOT/$out ;; esac
    CACHE=$ROOT/.cache/peers/$PEER
    mkdir -p "$CACHE"
    started_all=$(now_ms)
    make_work_dir
    need curl "for the readiness checks and probes"
    need ss "to check that the peer listens on loopback only"
    peer_build_suite
    peer_build_app
    peer_run_suite
    peer_probe
    peer_check_reports
    peer_write_run_info
    say "done in $(since "$started_all" 0); reports in ${out#"$ROOT"/}/<spec version>/ (summary.md, report.html)"
}

peer_build_suite() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$SUITE_JAR" ]; then
        say "build: SKIP_BUILD=1, reusing $SUITE_JAR"
    else
        local t0
        t0=$(now_ms)
        nice -n 10 mvn -B -ntp -q package -DskipTests -pl conformance-suite > "$work/build.log" 2>&1 \
            || { cat "$work/build.log" >&2; die "the suite did not build"; }
        say "build: suite in $(since "$t0")"
    fi
    [ -f "$SUITE_JAR" ] || die "$SUITE_JAR is missing after the build"
}

# The peer app is rebuilt only when its pom or sources changed (a stamp of their hash).
peer_build_app() {
    local want t0
    want=$(cd "$ROOT/ci/peers/$PEER" && find pom.xml src -type f | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
    if [ -f "$CACHE/target/$PEER_ARTIFACT" ] && [ "$(cat "$CACHE/.built" 2>/dev/null)" = "$want" ]; then
        say "build: peer app cached in .cache/peers/$PEER/target"
        return 0
    fi
    t0=$(now_ms)
    rm -f "$CACHE/.built"
    nice -n 10 mvn -B -ntp -q -f "$ROOT/ci/peers/$PEER/pom.xml" package -DskipTests \
        "-Dpeer.build.directory=$CACHE/target" > "$work/peer-build.log" 2>&1 \
        || { sed 's/\x1b\[[0-9;]*m//g' "$work/peer-build.log" | grep -E 'ERROR|Could not' | head -20 >&2
             die "the peer app ci/peers/$PEER did not build (an artifact refused by the registry is named above)"; }
    [ -f "$CACHE/target/$PEER_ARTIFACT" ] || die "$CACHE/target/$PEER_ARTIFACT is missing after the build"
    echo "$want" > "$CACHE/.built"
    say "build: peer app in $(since "$t0") (mvn -f ci/peers/$PEER/pom.xml package)"
}

peer_start_issuer() {
    local port attempt
    for attempt in 1 2 3; do
        port=$(free_port)
        java -jar "$SUITE_JAR" issuer --port "$port" > "$work/issuer.log" 2>&1 &
        issuer_pid=$!
        track "$issuer_pid"
        ISSUER=http://127.0.0.1:$port
        if wait_http "$ISSUER/.well-known/openid-configuration" 30 "$issuer_pid"; then
            say "issuer: $ISSUER (pid $issuer_pid)"
            return 0
        fi
        port_taken "$work/issuer.log" && [ $attempt -lt 3 ] && continue
        cat "$work/issuer.log" >&2
        die "the suite's issuer did not start"
    done
}

# Ready when the MCP endpoint answers a POST without a token with 401.
peer_wait_ready() { # URL SECONDS PID
    local deadline=$((SECONDS + $2)) code
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 -X POST -H 'Content-Type: application/json' -d '{}' "$1" || true)
        [ "$code" = 401 ] && return 0
        kill -0 "$3" 2>/dev/null || return 1
        [ $SECONDS -lt $deadline ] || return 2
        sleep 0.5
    done
}

peer_start_app() {
    local attempt rc sockets t0
    PEER_LOG=$work/peer.log
    for attempt in 1 2 3; do
        export PEER_PORT PEER_ISSUER=$ISSUER
        PEER_PORT=$(free_port)
        t0=$(now_ms)
        peer_command > "$PEER_LOG" 2>&1 &
        peer_pid=$!
        track "$peer_pid"
        TARGET=http://127.0.0.1:$PEER_PORT$PEER_PATH
        rc=0
        peer_wait_ready "$TARGET" 120 "$peer_pid" || rc=$?
        [ $rc -eq 0 ] && break
        if [ $rc -eq 1 ] && port_taken "$PEER_LOG" && [ $attempt -lt 3 ]; then
            say "peer: port $PEER_PORT was taken meanwhile; retrying with a new port"
            continue
        fi
        tail -40 "$PEER_LOG" >&2
        die "the peer did not answer 401 on $TARGET (exit or timeout)"
    done
    START_TIME=$(since "$t0")
    sockets=$(ss -ltnpH | grep "pid=$peer_pid," | awk '{print $4}' | sort -u)
    [ -n "$sockets" ] || die "ss shows no listening socket for the peer (pid $peer_pid)"
    if echo "$sockets" | grep -qvE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):'; then
        die "the peer listens beyond loopback: $(echo $sockets)"
    fi
    say "peer: pid $peer_pid, ready in $START_TIME at $TARGET; ss: $(echo $sockets)"
}

# Stop PID now and drop it from the exit trap's list, so that a reused PID is never signalled later.
peer_stop() {
    local p keep=()
    stop_pid "$1"
    for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
    pids=("${keep[@]}")
}

# A fresh issuer and a fresh peer for each spec version: the key-lifecycle checks rotate the
# issuer's key at the end of a run, and a peer that refetches its JWKS only every few minutes
# (quarkus-oidc's default) would otherwise refuse every token of the next run.
RESULTS=()
peer_run_suite() {
    local version code t0 harness=0
    for version in ${SPEC_VERSIONS:-2025-06-18 2025-11-25}; do
        rm -rf "${out:?}/$version"
        if [ -n "${peer_pid:-}" ]; then peer_stop "$peer_pid"; peer_stop "$issuer_pid"; fi
        peer_start_issuer
        peer_start_app
        t0=$(now_ms)
        set +e
        java -jar "$SUITE_JAR" run --target "$TARGET" --issuer "$ISSUER" --spec-version "$version" \
            "${HINTS[@]}" --server-log "$PEER_LOG" --out "$out/$version" > "$work/suite-$version.log" 2>&1
        code=$?
        set -e
        sed -n '/=== SUMMARY ===/,$p' "$work/suite-$version.log" | grep -E '^(Note|Total|Verdict):' | sed 's/^/  /'
        RESULTS+=("suite, spec $version: exit $code in $(since "$t0") (peer ready in $START_TIME)")
        say "suite, spec $version: exit $code in $(since "$t0")"
        [ $code -eq 0 ] || [ $code -eq 1 ] || { tail -20 "$work/suite-$version.log" >&2; harness=1; }
    done
    [ $harness -eq 0 ] || die "the suite reported a harness error (exit 2 or worse); see above"
}

# A few raw exchanges with curl, so the headline findings do not rest on the suite alone.
peer_probe() {
    local prm
    prm=$(curl -s -D - -o /dev/null --max-time 5 -X POST -H 'Content-Type: application/json' -d '{}' "$TARGET" \
        | tr -d '\r' | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: //p')
    {
        echo "# curl probes against $PEER ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
        echo
        echo "Target \`$TARGET\`, issuer \`$ISSUER\` (both loopback; ports differ per run). Written by ci/peers/java-peer-lib.sh."
        echo
        peer_probe_one "POST without a token" -X POST -H 'Content-Type: application/json' -d '{}' "$TARGET"
        peer_probe_one "POST with a malformed JWT (not a secret: three base64url words)" -X POST \
            -H 'Content-Type: application/json' -H 'Authorization: Bearer abc.def.ghi' -d '{}' "$TARGET"
        peer_probe_one "GET the path-inserted PRM" "http://127.0.0.1:$PEER_PORT/.well-known/oauth-protected-resource$PEER_PATH"
        peer_probe_one "GET the root PRM" "http://127.0.0.1:$PEER_PORT/.well-known/oauth-protected-resource"
    } > "$out/probes.md"
    say "probes: ${out#"$ROOT"/}/probes.md (401 challenge: $prm)"
}

peer_probe_one() { # TITLE CURL_ARGS...
    local title=$1
    shift
    echo "## $title"
    echo
    echo '```'
    curl -s -i --max-time 5 "$@" | tr -d '\r' | grep -viE '^(date|expires|set-cookie):' | sed 's/:[0-9]\{4,5\}/:PORT/g'
    echo
    echo '```'
    echo
}

# Issuer mode: the suite mints every token itself and redacts each one it sends. Prove that no
# JWT (any "eyJ" base64url run) and no peer-log line reached the published files.
peer_check_reports() {
    local hits
    hits=$(grep -rlE 'eyJ[A-Za-z0-9_-]{10,}' "$out" || true)
    [ -z "$hits" ] || die "a JWT-shaped string is in $(echo $hits): do not publish"
}

peer_write_run_info() {
    local suite_rev dirty=""
    suite_rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    [ -z "$(git status --porcelain -- conformance-suite 2>/dev/null)" ] || dirty=" (plus uncommitted changes under conformance-suite/)"
    {
        echo "# ci/peers/$PEER.sh run"
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "peer: $PEER_LABEL (source: ci/peers/$PEER/)"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "suite: mcp-auth-conformance at commit $suite_rev$dirty"
        echo "mode: issuer mode: the suite's test issuer (its own process, loopback) is the peer's only authorization server"
        echo "target: http://127.0.0.1:PORT$PEER_PATH (127.0.0.1 only, checked with ss; a fresh issuer and peer for each spec version)"
        echo "hints: ${HINTS[*]} --server-log <the peer's log>"
        echo "bundled: $(peer_libs | grep -oE "$LIBS_SHOWN" | sort -u | tr '\n' ' ')"
        printf '%s\n' "${RESULTS[@]}"
    } > "$out/run-info.txt"
}
