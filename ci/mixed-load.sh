#!/usr/bin/env bash
# One long mixed-credential load run against the reference server, to count wrong decisions
# (issue 10's target: zero over 1,000,000 requests at 64 connections). Not part of .ci/run.
#
#   ci/mixed-load.sh                          # 1,000,000 requests, 64 connections
#   ci/mixed-load.sh --requests 50000 --connections 16
#   SKIP_BUILD=1 ci/mixed-load.sh             # reuse the jars
#
# Starts the suite's test issuer and the server jar on 127.0.0.1 (plain http), runs
# `load --requests N` with the default mix (good=80, expired=5, wrong-aud=5, bad-sig=5,
# no-token=5) and writes load.json/load.md to reports/perf/<date>-mixed-<N>/.
# Exit: load's own (0 no wrong decision, 1 at least one), 2 on a harness error.
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh


requests=1000000
connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --requests) requests="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        *) die "unknown argument $1 (use --requests N, --connections N)" ;;
    esac
done

SUITE_JAR=conformance-suite/target/mcp-auth-conformance.jar
SERVER_JAR=server/target/mcp-auth-server.jar
[ "${SKIP_BUILD:-0}" = 1 ] || mvn_quiet -DskipTests package || die "the build failed"
make_work_dir

issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 30 $! || die "the test issuer did not start"
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)

port=$(free_port)
java -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dmcp.resource="http://127.0.0.1:$port/mcp" \
    -Dmcp.auth.issuer="$issuer" -jar "$SERVER_JAR" > "$work/server.log" 2>&1 &
server_pid=$!
track "$server_pid"
wait_http "http://127.0.0.1:$port/.well-known/oauth-protected-resource/mcp" 60 "$server_pid" \
    || { tail -20 "$work/server.log" >&2; die "the server did not start"; }

out="reports/perf/$(date -u +%Y-%m-%d)-mixed-$requests"
mkdir -p "$out"
say "$requests mixed requests at $connections connections against 127.0.0.1:$port (load $(cut -d' ' -f1-3 /proc/loadavg))"
set +e
java -jar "$SUITE_JAR" load --target "http://127.0.0.1:$port/mcp" --issuer "$issuer" --tool whoami \
    --connections "$connections" --requests "$requests" --duration 120m --warmup 5s --out "$out"
code=$?
set -e
[ "$code" -le 1 ] || die "load could not run (exit $code)"
kill -0 "$server_pid" 2>/dev/null || die "the server died during the run"
say "server RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )) MB; reports in $out"
exit "$code"
