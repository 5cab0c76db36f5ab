#!/usr/bin/env bash
# Where the reference server spends its CPU on authenticated `tools/call whoami`: a JFR profile
# and CPU time per request, measured the same way every time so two jars can be compared in one
# sitting on a shared (noisy) machine, where req/s alone means little. Not part of .ci/run.
#
#   ci/profile.sh                               # server/target/mcp-auth-server.jar, 32 connections, 20 s
#   ci/profile.sh --jar DIR/mcp-auth-server.jar --connections 64 --duration 30 --out DIR
#
# It starts the suite's test issuer and the server on free loopback ports, warms the server up
# with the suite's `load` command (10 s), then records `JFR.start settings=profile` during a second
# `load` run and writes to --out (default reports/perf/<date>-profile/<jar's short name>/):
#   summary.txt   start_ms (java -jar to the first 200), requests, req/s, cpu_ms_per_request (the
#                 server process's user+sys CPU during the run, from /proc/PID/stat, divided by the
#                 requests answered), jit_gc_ms_per_request (the part spent in JIT-compiler and GC
#                 threads), rss_kb; then the JFR execution samples grouped by top frame, by layer
#                 and by the methods most often on the stack (ci/ProfileSummary.java);
#   profile.jfr, load.md/.json (the load run's own report), server.log.
# Compare jars by alternating them (A B A B): CPU per request and the shares of JFR samples move
# far less with machine load than req/s does.
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh

jar=$SERVER_JAR
connections=32
duration=20
out=
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) jar="${2:?--jar needs a path}"; shift 2 ;;
        --connections) connections="${2:?--connections needs a number}"; shift 2 ;;
        --duration) duration="${2:?--duration needs seconds}"; shift 2 ;;
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
[ -f "$jar" ] || die "no server jar at $jar (build it: mvn -B -ntp -q package -DskipTests)"
[ -f "$SUITE_JAR" ] || die "no suite jar at $SUITE_JAR (build it: mvn -B -ntp -q package -DskipTests)"
out=${out:-reports/perf/$(date -u +%Y-%m-%d)-profile/$(basename "$(dirname "$(realpath "$jar")")")}
mkdir -p "$out"
make_work_dir

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the JVM's compiler and GC threads (their names as /proc shows them).
jit_gc_ticks() {
    local sum=0 t
    for t in /proc/"$1"/task/*; do
        if grep -qE '^(C[12] CompilerThre|GC Thread|G1 |VM Thread)' "$t/comm" 2>/dev/null; then
            sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
        fi
    done
    echo "$sum"
}

issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 60 $! || die "the test issuer did not start"
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)

port=$(free_port)
t0=$(now_ms)
java -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dmcp.resource="http://127.0.0.1:$port/mcp" \
    -Dmcp.auth.issuer="$issuer" -Dmcp.store.h2.directory="$work/data" -jar "$jar" > "$out/server.log" 2>&1 &
server=$!
track "$server"
until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/.well-known/oauth-protected-resource/mcp" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || die "the server did not start (see $out/server.log)"
    sleep 0.01
done
start_ms=$(( $(now_ms) - t0 ))

load() { # OUT-DIR SECONDS
    java -jar "$SUITE_JAR" load --target "http://127.0.0.1:$port/mcp" --issuer "$issuer" --tool whoami \
        --connections "$connections" --duration "${2}s" --warmup 0s --mix good=100 --out "$1" > "$1.out" 2>&1 \
        || { cat "$1.out" >&2; die "load failed"; }
}
say "warm-up: 10 s at $connections connections"
load "$work/warm" 10
cpu0=$(cpu_ticks "$server"); jit0=$(jit_gc_ticks "$server")
jcmd "$server" JFR.start name=profile settings=profile filename="$(realpath "$out")/profile.jfr" > /dev/null
say "profiling: $duration s at $connections connections"
load "$work/run" "$duration"
cpu1=$(cpu_ticks "$server"); jit1=$(jit_gc_ticks "$server")
jcmd "$server" JFR.stop name=profile > /dev/null
rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
cp "$work/run/load.md" "$work/run/load.json" "$out/"

requests=$(sed -n 's/.*PASS \([0-9]*\) requests.*/\1/p' "$work/run.out")
rate=$(sed -n 's/.* = \([0-9.]*\) req\/s.*/\1/p' "$work/run.out")
hz=$(getconf CLK_TCK)
{
    echo "jar=$jar"
    echo "connections=$connections duration_s=$duration loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "start_ms=$start_ms"
    echo "requests=$requests req_per_s=$rate"
    echo "cpu_ms_per_request=$(awk -v t=$((cpu1 - cpu0)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')"
    echo "jit_gc_ms_per_request=$(awk -v t=$((jit1 - jit0)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')"
    echo "rss_kb=$rss"
    echo
    java ci/ProfileSummary.java "$out/profile.jfr"
} > "$out/summary.txt"
sed -n '1,7p' "$out/summary.txt"
say "wrote $out/summary.txt"
