#!/usr/bin/env bash
# Runs the suite's `fuzz` command against our reference server: starts the suite's test issuer and
# the server (trusting it) on free loopback ports, sends the mutated requests (default 100,000)
# with good tokens and a session from the issuer, writes reports/fuzz/<date>/fuzz.{json,md},
# checks the server's log for tokens, stops what it started, and exits with fuzz's code.
#   ci/fuzz-http.sh                  # 100,000 requests
#   REQUESTS=5000 ci/fuzz-http.sh    # fewer; SEED=N to replay a run; SKIP_BUILD=1 to reuse the jars
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$SUITE_JAR" ] || [ ! -f "$SERVER_JAR" ]; then
    say "building (mvn package -DskipTests)"
    mvn_quiet package -DskipTests || die "the build failed"
fi
make_work_dir
out="reports/fuzz/$(date -u +%Y-%m-%d)"

issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 30 $! || { cat "$work/issuer.out" >&2; die "the test issuer did not start"; }
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)

server_port=$(free_port)
resource="http://127.0.0.1:$server_port/mcp"
java -Xmx512m -Dserver.host=127.0.0.1 -Dserver.port="$server_port" -Dmcp.resource="$resource" -Dmcp.auth.issuer="$issuer" \
     -Dmcp.store.h2.directory="$work/store" -jar "$SERVER_JAR" > "$work/server.log" 2>&1 &
server_pid=$!
track $server_pid
wait_http "http://127.0.0.1:$server_port/.well-known/oauth-protected-resource/mcp" 60 $server_pid \
    || { cat "$work/server.log" >&2; die "the server did not become ready"; }
say "issuer $issuer, server $resource"

set +e
java -jar "$SUITE_JAR" fuzz --target "$resource" --issuer "$issuer" --requests "${REQUESTS:-100000}" \
    --connections "${CONNECTIONS:-4}" ${SEED:+--seed "$SEED"} --out "$out"
code=$?
set -e
kill -0 "$server_pid" 2>/dev/null || { say "the server is no longer running"; code=1; }
exceptions=$(grep -c 'Exception' "$work/server.log" || true)
say "server log: $(wc -l < "$work/server.log") lines, $exceptions with 'Exception'"
grep -m 5 'Exception' "$work/server.log" | cut -c1-300 || true
exit $code
