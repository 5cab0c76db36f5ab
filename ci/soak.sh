#!/usr/bin/env bash
# A bounded fault soak: our server under the `load` command's mixed traffic (good, expired,
# wrong-audience, bad-signature and missing tokens) while the suite's test issuer rotates its key,
# fails its JWKS endpoint (503), answers it slowly (past the server's 5 s fetch timeout) and answers
# garbage, one fault per phase with a healthy phase between. Short JWKS cache TTL (20 s) and refetch
# interval (1 s), so the faults meet real refetches. After each rotation a fresh token signed with
# the new key must be accepted (the server learnt the key while the JWKS was healthy).
# Passes when: zero wrong decisions, no 5xx but the documented 503 (no key known), every fresh-key
# token accepted, the server still up and answering; RSS is sampled every 5 s and reported.
# Loopback only. Figures in reports/soak/<date>.md (and .json).
#   ci/soak.sh                         # 180 s, 20 s phases
#   SOAK_SECONDS=60 PHASE_SECONDS=10 ci/soak.sh
# Environment: CONNECTIONS (default 8), SKIP_BUILD=1 to reuse the jars.
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh
need curl "to drive the issuer's admin endpoints"
need jq "to read the load report"

soak=${SOAK_SECONDS:-180}
phase=${PHASE_SECONDS:-20}
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$SUITE_JAR" ] || [ ! -f "$SERVER_JAR" ]; then
    say "building (mvn package -DskipTests)"
    mvn_quiet package -DskipTests || die "the build failed"
fi
make_work_dir
mkdir -p reports/soak
stamp=$(date -u +%Y-%m-%d)
report=reports/soak/$stamp

issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 30 $! || { cat "$work/issuer.out" >&2; die "the test issuer did not start"; }
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)

server_port=$(free_port)
resource="http://127.0.0.1:$server_port/mcp"
java -Xmx256m -Dserver.host=127.0.0.1 -Dserver.port="$server_port" -Dmcp.resource="$resource" -Dmcp.auth.issuer="$issuer" \
     -Dmcp.auth.jwks-refresh-min-interval=1 -Dmcp.auth.jwks-cache-ttl=20 -Dmcp.store.h2.directory="$work/store" \
     -jar "$SERVER_JAR" > "$work/server.log" 2>&1 &
server_pid=$!
track $server_pid
wait_http "http://127.0.0.1:$server_port/.well-known/oauth-protected-resource/mcp" 60 $server_pid \
    || { cat "$work/server.log" >&2; die "the server did not become ready"; }
say "issuer $issuer, server $resource (pid $server_pid), soak ${soak}s in ${phase}s phases"

fault() { curl -s -o /dev/null -X POST "$issuer/admin/jwks-fault" -H 'Content-Type: application/json' -d "$1"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0; }
# A token signed with the issuer's current key, presented once: 200 means the server knows the key.
fresh_key_status() {
    local token
    token=$(curl -s "$issuer/token" -d grant_type=client_credentials -d client_id=soak -d client_secret=x \
        -d "resource=$resource" --data-urlencode "scope=mcp:read" | jq -r .access_token)
    curl -s -o /dev/null -w '%{http_code}' -X POST "$resource" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
        -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"soak","version":"1"}}}'
}

java -jar "$SUITE_JAR" load --target "$resource" --issuer "$issuer" --connections "${CONNECTIONS:-8}" \
    --duration "${soak}s" --warmup 2s --out "$work/load" > "$work/load.out" 2>&1 &
load_pid=$!
track $load_pid

started=$(now_ms)
echo "seconds,rss_kb,fault" > "$work/rss.csv"
timeline=()
fresh_ok=0; fresh_bad=0
faults=(none rotate outage none slow none garbage none rotate)
i=0
while kill -0 "$load_pid" 2>/dev/null; do
    step=${faults[$(( i % ${#faults[@]} ))]}
    case "$step" in
        none)    fault '{"fault":"none"}' ;;
        outage)  fault '{"fault":"outage"}' ;;
        slow)    fault '{"fault":"slow","delay_ms":6000}' ;;
        garbage) fault '{"fault":"garbage"}' ;;
        rotate)  fault '{"fault":"none"}'; curl -s -o /dev/null -X POST "$issuer/admin/rotate"; sleep 2
                 code=$(fresh_key_status)
                 if [ "$code" = 200 ]; then fresh_ok=$((fresh_ok + 1)); else fresh_bad=$((fresh_bad + 1)); fi
                 step="rotate(fresh-key token: $code)" ;;
    esac
    timeline+=("$(( ($(now_ms) - started) / 1000 ))s $step")
    phase_end=$(( $(now_ms) + phase * 1000 ))
    while [ "$(now_ms)" -lt "$phase_end" ] && kill -0 "$load_pid" 2>/dev/null; do
        echo "$(( ($(now_ms) - started) / 1000 )),$(rss_kb),${step%%(*}" >> "$work/rss.csv"
        sleep 5
    done
    i=$((i + 1))
done
fault '{"fault":"none"}'
set +e
wait "$load_pid"
load_code=$?
set -e

alive=no
kill -0 "$server_pid" 2>/dev/null && curl -sf -o /dev/null "http://127.0.0.1:$server_port/.well-known/oauth-protected-resource/mcp" && alive=yes
final_fresh=$(fresh_key_status)
load_json="$work/load/load.json"
[ -f "$load_json" ] || { cat "$work/load.out" >&2; die "the load run wrote no report (exit $load_code)"; }
wrong=$(jq '.wrong_decisions' "$load_json")
requests=$(jq '.requests' "$load_json")
statuses=$(jq -c '.status_counts' "$load_json")
s503=$(jq '[.status_counts | to_entries[] | select(.key == "503") | .value] | add // 0' "$load_json")
other5xx=$(jq '[.status_counts | to_entries[] | select((.key | test("^5")) and .key != "503") | .value] | add // 0' "$load_json")
rss_first=$(awk -F, 'NR==3 {print $2}' "$work/rss.csv")
rss_max=$(awk -F, 'NR>1 && $2>m {m=$2} END {print m}' "$work/rss.csv")
rss_last=$(tail -n 1 "$work/rss.csv" | cut -d, -f2)
exceptions=$(grep -c 'Exception' "$work/server.log" || true)

verdict=PASS
[ "$wrong" = 0 ] && [ "$other5xx" = 0 ] && [ "$alive" = yes ] && [ "$fresh_bad" = 0 ] && [ "$final_fresh" = 200 ] || verdict=FAIL
{
    echo "# Fault soak: $verdict ($stamp)"
    echo
    echo "Command: \`SOAK_SECONDS=$soak PHASE_SECONDS=$phase ci/soak.sh\`; load: ${CONNECTIONS:-8} connections, default mix"
    echo "(good 80, expired 5, wrong-aud 5, bad-sig 5, no-token 5); server JWKS cache TTL 20 s, refetch interval 1 s, -Xmx256m."
    echo
    echo "| figure | value |"
    echo "| --- | --- |"
    echo "| requests | $requests ($(jq -r '.requests_per_second // empty' "$load_json") req/s) |"
    echo "| wrong decisions | $wrong |"
    echo "| status counts | \`$statuses\` |"
    echo "| 503 (no key known) | $s503 |"
    echo "| other 5xx | $other5xx |"
    echo "| fresh-key tokens after rotation accepted | $fresh_ok of $((fresh_ok + fresh_bad)); after the soak: $final_fresh |"
    echo "| server up and answering after | $alive |"
    echo "| RSS (kB): 10 s / max / end | $rss_first / $rss_max / $rss_last |"
    echo "| server log lines with 'Exception' | $exceptions |"
    echo
    echo "Fault timeline (start of each phase): ${timeline[*]}"
    echo
    echo "RSS samples (s, kB, fault): $(tail -n +2 "$work/rss.csv" | tr '\n' ' ')"
} > "$report.md"
jq -n --arg verdict "$verdict" --argjson requests "$requests" --argjson wrong "$wrong" --argjson statuses "$statuses" \
    --argjson s503 "$s503" --argjson other "$other5xx" --arg alive "$alive" --argjson fresh_ok "$fresh_ok" \
    --argjson fresh_bad "$fresh_bad" --argjson rss_first "${rss_first:-0}" --argjson rss_max "${rss_max:-0}" \
    --argjson rss_last "${rss_last:-0}" --argjson seconds "$soak" \
    '{verdict:$verdict, seconds:$seconds, requests:$requests, wrong_decisions:$wrong, status_counts:$statuses,
      status_503:$s503, other_5xx:$other, server_alive:($alive=="yes"), fresh_key_ok:$fresh_ok, fresh_key_refused:$fresh_bad,
      rss_kb:{first:$rss_first, max:$rss_max, last:$rss_last}}' > "$report.json"
cat "$report.md"
[ "$verdict" = PASS ]
