#!/usr/bin/env bash
# Measures the project's figures and writes them, dated, with the commands that produced them,
# to ONE file: reports/figures.md. The READMEs quote no figure; they link there.
#
#   ci/figures.sh                 # measure from a clean clone of HEAD (commit first)
#   ci/figures.sh --interop       # also rerun ci/interop.sh (slow; needs npm and Maven Central)
#   ci/figures.sh --out FILE      # write FILE instead of reports/figures.md
#
# What it measures:
#   1. `.ci/run` in a clean clone of HEAD (git clone into a temporary directory): `ci/test.sh`
#      (the build and every test) and then `SKIP_BUILD=1 ci/conformance.sh`, each timed;
#   2. test counts from that clone's surefire reports (tests, failures, errors, skipped per
#      module) and each module's time from Maven's reactor summary;
#   3. per spec version, one suite `run` against the reference server (from conformance.sh's
#      lines), and the checks alone (run.json `durationMillis`);
#   4. the server jar: three starts trusting the suite's test issuer, time from launch to the
#      first answer on the PRM, and RSS one second later;
#   5. interop: the figures of the latest reports/interop/README.md, or of a fresh run with
#      --interop.
# Exit 0 when every step ran (a failing test or suite run is recorded, not fatal); 2 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
out=$ROOT/reports/figures.md
interop=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out=$(readlink -f "${2:?--out needs a file}"); shift 2 ;;
        --interop) interop=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "figures.sh: unknown argument $1 (use --out FILE, --interop)" >&2; exit 2 ;;
    esac
done

# A failing test or suite run is a figure (recorded); anything else stopping the script is a harness error.
EXIT_CODES="0 2"
. ci/lib.sh
need git "the measurement runs in a clean clone"
need curl "the server's start is timed to its first HTTP answer"
make_work_dir
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] || warn "uncommitted changes are not measured: the clone is of HEAD ($commit)"

# 1-3. .ci/run in a clean clone.
clone=$work/clone
git clone -q "$ROOT" "$clone"
say "1/4 ci/test.sh in a clean clone of $commit (a few minutes)"
t=$(now_ms)
test_rc=0
(cd "$clone" && ci/test.sh) > "$work/test.log" 2>&1 || test_rc=$?
test_ms=$(( $(now_ms) - t ))
failing_tests=
if [ $test_rc -ne 0 ]; then
    failing_tests=$(grep -E '<<< (FAILURE|ERROR)!' "$work/test.log" | sed -E 's/^\[ERROR\] //; s/ +Time elapsed.*<<< / <<< /' | sort -u | head -n 20 || true)
    warn "ci/test.sh failed (exit $test_rc); failing: ${failing_tests:-see the build output}"
    tail -n 60 "$work/test.log" >&2
    say "building the jars without tests, to measure the rest"
    (cd "$clone" && mvn_quiet package -DskipTests) || die "the build failed"
fi
say "2/4 SKIP_BUILD=1 ci/conformance.sh"
t=$(now_ms)
conf_rc=0
(cd "$clone" && SKIP_BUILD=1 ci/conformance.sh --out "$work/reports") > "$work/conformance.log" 2>&1 || conf_rc=$?
conf_ms=$(( $(now_ms) - t ))

# Sums the <testsuite> attributes of a module's surefire reports: "tests failures errors skipped classes".
surefire_sums() { # MODULE_DIR
    local f
    for f in "$clone/$1"/target/surefire-reports/TEST-*.xml; do
        [ -f "$f" ] || continue
        grep -m 1 -o '<testsuite [^>]*>' "$f" | grep -oE ' (tests|failures|errors|skipped)="[0-9]+"' | tr -d ' "' | tr '\n' ' '
        echo
    done | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); s[kv[1]] += kv[2] } c++ }
                END { printf "%d %d %d %d %d\n", s["tests"], s["failures"], s["errors"], s["skipped"], c }'
}
tests_row() { # MODULE_DIR: one table row, with the module's time from Maven's reactor summary
    local tests failures errors skipped classes name time
    read -r tests failures errors skipped classes <<< "$(surefire_sums "$1")"
    name=$(sed -n 's:^    <name>\(.*\)</name>:\1:p' "$clone/$1/pom.xml" | head -n 1)
    [ -n "$name" ] || name=$(sed -n 's:^    <artifactId>\(.*\)</artifactId>:\1:p' "$clone/$1/pom.xml" | head -n 1)
    time=$(grep -F "[INFO] $name " "$work/test.log" | grep -E 'SUCCESS|FAILURE' | sed -E 's/.*\[ *([0-9:.]+ ?(s|min|h)) *\].*/\1/' | head -n 1)
    echo "| \`$1\` | $tests | $classes | $failures | $errors | $skipped | ${time:-?} |"
}
total_tests=0
for m in server conformance-suite; do
    read -r n _ <<< "$(surefire_sums "$m")"
    total_tests=$((total_tests + n))
done

version_rows=$(sed -n 's/^conformance.sh: spec \([0-9-]*\): exit \([0-9]*\) in \(.*\)$/\1 \2 \3/p' "$work/conformance.log" \
    | while read -r version code took unit; do
        checks=$(sed -n 's/.*"durationMillis" *: *\([0-9]*\).*/\1/p' "$work/reports/$version/run.json" 2>/dev/null | head -n 1)
        total=$(sed -n 's/.*"total" *: *\([0-9]*\).*/\1/p' "$work/reports/$version/run.json" 2>/dev/null | head -n 1)
        verdict=$(sed -n 's/.*"verdict" *: *"\([A-Z]*\)".*/\1/p' "$work/reports/$version/run.json" 2>/dev/null | head -n 1)
        echo "| $version | $took $unit | ${checks:+$(secs "$checks")} | ${total:-?} | ${verdict:-?} (exit $code) |"
    done)

# 4. The server jar: start time and RSS, three times, trusting the suite's issuer.
say "3/4 server start time and RSS (three starts)"
suite_jar=$clone/$SUITE_JAR server_jar=$clone/$SERVER_JAR
ip=$(java -jar "$suite_jar" free-port)
java -jar "$suite_jar" issuer --host 127.0.0.1 --port "$ip" > "$work/issuer.out" 2>&1 &
track $!
wait_for_line "$work/issuer.out" '^issuer=' 60 $! || die "the test issuer did not start"
start_rows=
for i in 1 2 3; do
    sp=$(java -jar "$suite_jar" free-port)
    t=$(now_ms)
    java -Dserver.host=127.0.0.1 -Dserver.port="$sp" -Dmcp.resource="http://127.0.0.1:$sp/mcp" \
        -Dmcp.auth.issuer="http://127.0.0.1:$ip" -jar "$server_jar" > "$work/server-$i.log" 2>&1 &
    pid=$!
    track $pid
    wait_http "http://127.0.0.1:$sp/.well-known/oauth-protected-resource/mcp" 120 $pid \
        || { cat "$work/server-$i.log" >&2; die "the server did not start"; }
    first=$(( $(now_ms) - t ))
    sleep 1
    rss=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
    start_rows+="| $i | $(secs "$first" 3) | $rss MB |"$'\n'
    stop_pid $pid
done

# 5. Interop.
interop_src=reports/interop/README.md
if [ $interop = 1 ]; then
    say "4/4 ci/interop.sh (slow)"
    (cd "$clone" && SKIP_BUILD=1 ci/interop.sh --out "$work/interop") > "$work/interop.log" 2>&1 || warn "ci/interop.sh failed; see its evidence"
    interop_src=$work/interop/README.md
    interop_from="a fresh \`SKIP_BUILD=1 ci/interop.sh\` run in the same clone"
else
    say "4/4 interop: figures of the latest reports/interop/README.md (--interop reruns it)"
    interop_from="\`reports/interop/README.md\`, written by \`ci/interop.sh\` on $(sed -n 's/^# Interoperability evidence: //p' "$interop_src" | head -n 1) (not rerun; \`ci/figures.sh --interop\` reruns it)"
fi
interop_rows=$(sed -n '/^| | |$/,/^$/p' "$interop_src" 2>/dev/null | sed '1,2d; /^$/d')

jdk=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
mvn_version=$(mvn -B -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([0-9.]*\).*/\1/p')
mkdir -p "$(dirname "$out")"
cat > "$out" <<EOF
# Measured figures: $(date -u +%F)

Written by \`ci/figures.sh\` on $(date -u '+%F %H:%M UTC') from a clean clone of commit \`$commit\`.
Every figure of the project is here and only here; run \`ci/figures.sh\` to measure again.

Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM; load average $load_before when it started and
$(cut -d' ' -f1-3 /proc/loadavg) when it finished (other jobs may share the machine: on a loaded machine every time
here is longer, not wrong);
JDK $jdk, Maven ${mvn_version:-?}, $(uname -sr).

## \`.ci/run\` from a clean clone

| command | wall time | exit |
|---|---|---|
| \`ci/test.sh\` (build, every test of both modules) | $(secs "$test_ms" 0) | $test_rc |
| \`SKIP_BUILD=1 ci/conformance.sh\` (issuer, https server, one suite run per spec version) | $(secs "$conf_ms" 0) | $conf_rc |
| \`.ci/run\` (both) | $(secs $((test_ms + conf_ms)) 0) | $([ $test_rc -eq 0 ] && [ $conf_rc -eq 0 ] && echo 0 || echo 1) |

## Tests (\`ci/test.sh\`, from the surefire reports)

$total_tests tests in total.$( [ -z "$failing_tests" ] || printf '\n\nFailing in this run:\n\n%s' "$(sed 's/^/- /' <<< "$failing_tests")")

| module | tests | classes | failures | errors | skipped | module time (Maven reactor summary) |
|---|---:|---:|---:|---:|---:|---|
$(tests_row server)
$(tests_row conformance-suite)

## The suite against the reference server (\`ci/conformance.sh\`)

One \`run\` per spec version (JVM start included), and the checks alone (\`run.json\`
\`durationMillis\`):

| spec version | \`run\` | checks alone | checks | verdict |
|---|---|---|---:|---|
$version_rows

## Server jar: start and memory

\`java -jar server/target/mcp-auth-server.jar\` trusting the suite's test issuer (plain http on
loopback, default heap): time from launch to the first answer on
\`/.well-known/oauth-protected-resource/mcp\`, and resident memory (RSS) one second later.

| start | first answer | RSS |
|---|---|---|
$start_rows
## Interop (\`ci/interop.sh\`: Keycloak, real clients, the official suite)

From $interop_from.

| | |
|---|---|
$interop_rows
EOF
say "wrote ${out#"$ROOT"/} (tests exit $test_rc, conformance exit $conf_rc)"
