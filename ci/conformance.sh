#!/usr/bin/env bash
# The main job: build, start the suite's test issuer and the reference server (trusting it)
# on free loopback ports, run the conformance suite against the server for every spec
# version, write the reports, stop what it started, and exit with the suite's code.
#
#   ci/conformance.sh                      # our server, reports in reports/latest/<spec-version>/
#   ci/conformance.sh --out DIR            # same, reports in DIR/<spec-version>/
#   ci/conformance.sh --target URL [...]   # any other server: every argument goes to `run`
#
# The server runs its strict RFC 9068 token-type profile (the suite issuer sends typ at+jwt), and
# the suite judges typ by the same profile (--typ-profile rfc9068): accepting typ JWT would fail.
# Grey-box checks are on and required (--require-greybox): the server's log (redirected to a file here) is searched for tokens
# (--server-log), and its fetch_upstream tool calls the suite's mock upstream on a free port
# (--upstream-mock-port), which must never see the client's token. The server refetches its JWKS
# at most once a second here (default 10 s), so the key-rotation check waits about a second.
# The REST API (/api, its own protected resource) is judged too: --also-protect on GET /api/memories.
# The legacy listener for non-OAuth clients (mcp.compat.port, loopback) is on: the OAuth port must stay green.
# The server serves https (RS-13, RS-77) with a throwaway self-signed certificate made by keytool
# for this run; the suite trusts it through --trust-cert. The test issuer stays on loopback http.
# The server runs mcp.auth.mode=both: JWTs are verified locally as before, and one more run of the
# opaque-token profile (--token-format opaque, 2025-11-25) sends opaque tokens it must introspect at
# the test issuer (RS-60), with its own client credentials; OPAQUE_RUN=0 leaves that run out.
# Environment: SPEC_VERSIONS (default "2025-06-18 2025-11-25 2026-07-28"), SKIP_BUILD=1 to reuse the jars.
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh

build() {
    if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$SUITE_JAR" ] || [ ! -f "$SERVER_JAR" ]; then
        say "building (mvn package -DskipTests)"
        mvn_quiet package -DskipTests || die "the build failed (mvn package -DskipTests); its output is above"
    fi
}

for arg in "$@"; do
    if [ "$arg" = "--target" ]; then
        build
        exec java -jar "$SUITE_JAR" run "$@"
    fi
done

out=reports/latest
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        *) die "unknown argument $1 (use --out DIR, or --target URL for another server)" ;;
    esac
done

build
make_work_dir

issuer_port=$(free_port)
java -jar "$SUITE_JAR" issuer --host 127.0.0.1 --port "$issuer_port" --keys "$work/issuer-keys.json" \
    > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 30 $! || { cat "$work/issuer.out" >&2; die "the test issuer did not start"; }
issuer=$(sed -n 's/^issuer=//p' "$work/issuer.out" | head -n 1)

# A throwaway certificate for 127.0.0.1, valid for two days, and its PEM for the suite and curl.
keystore_pass=$(random_secret)
keytool -genkeypair -alias mcp -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=127.0.0.1" \
    -ext "SAN=ip:127.0.0.1,dns:localhost" -storetype PKCS12 -keystore "$work/server.p12" \
    -storepass "$keystore_pass" -keypass "$keystore_pass" 2>/dev/null
keytool -exportcert -rfc -alias mcp -keystore "$work/server.p12" -storepass "$keystore_pass" \
    -file "$work/server-cert.pem" 2>/dev/null

server_port=$(free_port)
upstream_port=$(free_port)
compat_port=$(free_port)
resource="https://127.0.0.1:$server_port/mcp"
java -Dserver.host=127.0.0.1 -Dserver.port="$server_port" \
     -Dserver.tls.private-key.keystore.resource.path="$work/server.p12" \
     -Dserver.tls.private-key.keystore.passphrase="$keystore_pass" \
     -Dserver.tls.private-key.keystore.key.alias=mcp \
     -Dmcp.resource="$resource" -Dmcp.auth.issuer="$issuer" -Dmcp.auth.token-type=rfc9068 \
     -Dmcp.api.resource="https://127.0.0.1:$server_port/api" -Dmcp.store.h2.directory="$work/store" \
     -Dmcp.compat.port="$compat_port" -Dmcp.compat.subject=ci-legacy-client \
     -Dmcp.auth.jwks-refresh-min-interval=1 \
     -Dmcp.auth.mode=both -Dmcp.auth.client-id=reference-server -Dmcp.auth.client-secret="$(random_secret)" \
     -Dmcp.upstream-url="http://127.0.0.1:$upstream_port/upstream" -Dmcp.upstream-token=reference-server-own-credential \
     -jar "$SERVER_JAR" > "$work/server.log" 2>&1 &
track $!
wait_http "https://127.0.0.1:$server_port/.well-known/oauth-protected-resource/mcp" 60 $! --cacert "$work/server-cert.pem" \
    || { cat "$work/server.log" >&2; die "the server did not become ready (it exited, or 60 s passed); its log is above"; }
say "issuer $issuer, server $resource"

rc=0
for version in ${SPEC_VERSIONS:-2025-06-18 2025-11-25 2026-07-28}; do
    started=$(now_ms)
    set +e
    java -jar "$SUITE_JAR" run --target "$resource" --issuer "$issuer" --spec-version "$version" \
        --trust-cert "$work/server-cert.pem" --typ-profile rfc9068 --server-log "$work/server.log" --upstream-mock-port "$upstream_port" \
        --require-greybox --out "$out/$version" --expected-failures ci/expected-failures.txt \
        --also-protect "https://127.0.0.1:$server_port/api/memories"
    code=$?
    set -e
    say "spec $version: exit $code in $(secs $(( $(now_ms) - started )) 3)"
    [ $code -gt $rc ] && rc=$code
done

# The opaque-token profile: the same server introspects the issuer's opaque tokens (RS-60, RS-61).
if [ "${OPAQUE_RUN:-1}" = 1 ]; then
    started=$(now_ms)
    set +e
    java -jar "$SUITE_JAR" run --target "$resource" --issuer "$issuer" --spec-version 2025-11-25 --token-format opaque \
        --trust-cert "$work/server-cert.pem" --out "$out/opaque-tokens"
    code=$?
    set -e
    say "opaque tokens (2025-11-25): exit $code in $(secs $(( $(now_ms) - started )) 3)"
    [ $code -gt $rc ] && rc=$code
fi

# A few seconds of mixed traffic (good, expired, wrong-audience, bad-signature and missing tokens):
# any wrong decision (a bad token answered 2xx, a good one refused) fails the main job. The long
# runs are ci/bench.sh's, outside CI.
started=$(now_ms)
set +e
java -jar "$SUITE_JAR" load --target "$resource" --issuer "$issuer" --trust-cert "$work/server-cert.pem" \
    --connections 8 --duration 3s --warmup 1s --out "$out/load-smoke"
code=$?
set -e
say "load smoke: exit $code in $(secs $(( $(now_ms) - started )) 3)"
[ $code -gt $rc ] && rc=$code
exit $rc
