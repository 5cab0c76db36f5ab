# Sourced by ci/interop/run.sh: steps 1-4 of the interop run (install the pinned tools,
# make the certificates, start and configure Keycloak, build and start our server), and the
# loopback check of every listening socket. Uses the helpers of ci/lib.sh.
# ---------------------------------------------------------------------------------------------
# 1. Install
install_node() {
    npm_install_pinned "$HERE" "$NODE_DIR" "$NODE"
    # The scripts resolve the SDK from the cache's node_modules, so they run from there.
    cp "$HERE"/*.mjs "$NODE_DIR/"
    [ "$("$NODE" --version)" = "$NODE_VERSION" ] || die "expected Node $NODE_VERSION at $NODE"
    local wrong
    wrong=$(results versions "$NODE_DIR/node_modules" sdk="$SDK_VERSION" inspector="$INSPECTOR_VERSION" \
        conformance="$CONFORMANCE_VERSION") || die "$wrong"
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
    track "$KC_PID"
    # start-dev builds Keycloak (Quarkus augmentation) and a fresh database schema on every
    # start: 10-50 s on an idle 2-core machine, 204 s and 225 s measured next to other builds.
    local rc=0 limit=600
    wait_http "$KC_URL/realms/master/.well-known/openid-configuration" "$limit" "$KC_PID" "${CURL_TLS[@]}" || rc=$?
    if [ $rc -ne 0 ]; then
        stop_pid "$KC_PID"
        if [ "${1:-1}" -lt 3 ] && port_taken "$work/keycloak.log"; then
            say "Keycloak: a port was taken meanwhile; retrying with other ports"
            start_keycloak $(( ${1:-1} + 1 )); return
        fi
        tail -n 40 "$work/keycloak.log" >&2
        die "Keycloak did not start ($([ $rc -eq 1 ] && echo 'it exited' || echo "timed out after $limit s"))"
    fi
    KC_START_MS=$(( $(now_ms) - t0 ))
    say "Keycloak $KC_VERSION answered at $KC_URL after $(secs "$KC_START_MS") (pid $KC_PID)"
}

configure_keycloak() {
    KC_REST_SECRET=$(random_secret)
    (cd "$NODE_DIR" && KC_ADMIN_USER=interop-admin KC_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD KC_REST_SECRET=$KC_REST_SECRET \
        "$NODE" keycloak-setup.mjs --keycloak "$KC_URL" --resource "$RESOURCE" --api-resource "$API_RESOURCE" \
        > "$work/keycloak-setup.out" 2> "$work/keycloak-setup.log") \
        || { cat "$work/keycloak-setup.log" >&2; die "Keycloak setup through the admin API failed"; }
    ISSUER=$(sed -n 's/^issuer=//p' "$work/keycloak-setup.out")
    [ -n "$ISSUER" ] || die "keycloak-setup.mjs printed no issuer"
}

# ---------------------------------------------------------------------------------------------
# 4. Our server
SERVER_PORT= RESOURCE= SERVER_PID= SERVER_ORIGIN= API_RESOURCE= KC_REST_SECRET=
choose_server_port() {
    SERVER_PORT=$(free_port)
    SERVER_ORIGIN=$scheme://127.0.0.1:$SERVER_PORT
    RESOURCE=$SERVER_ORIGIN/mcp
    API_RESOURCE=$SERVER_ORIGIN/api
}

build_server() {
    if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$SERVER_JAR" ] && [ -f "$SUITE_JAR" ]; then
        say "build: SKIP_BUILD=1, reusing $SERVER_JAR"
    else
        say "build: mvn -B -ntp -q package -DskipTests"
        mvn -B -ntp -q -Dstyle.color=never package -DskipTests > "$work/build.log" 2>&1 \
            || { tail -n 60 "$work/build.log" >&2; die "the build failed (mvn package -DskipTests)"; }
    fi
    [ -f "$SERVER_JAR" ] || die "$SERVER_JAR is missing after the build"
    [ -f "$SUITE_JAR" ] || die "$SUITE_JAR (free_port uses it) is missing after the build"
}

start_server() {
    local props=(-Dserver.host=127.0.0.1 -Dserver.port="$SERVER_PORT" -Dmcp.resource="$RESOURCE"
                 -Dmcp.auth.issuer="$ISSUER" -Dmcp.fixtures.enabled=true
                 -Dmcp.api.resource="$API_RESOURCE" -Dmcp.store.h2.directory="$work/store"
                 -Djava.util.logging.config.file="$work/logging.properties")
    # Allowed decisions are logged at FINE (denials at INFO): the evidence, and the Inspector
    # step's server/discover check, need both.
    { cat server/src/main/resources/logging.properties; echo "dev.mcpauth.server.auth.decisions.level=FINE"; } \
        > "$work/logging.properties"
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
    track "$SERVER_PID"
    local rc=0
    wait_http "$SERVER_ORIGIN/health/ready" 90 "$SERVER_PID" "${CURL_TLS[@]}" || rc=$?
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

