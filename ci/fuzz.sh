#!/usr/bin/env bash
# Long mode of the fuzz tests: runs each Jazzer @FuzzTest in fuzzing mode (JAZZER_FUZZ=1, one
# target per JVM) for its maxDuration (FuzzBudget.LONG, 2 minutes), then writes the executions
# per target and any finding to reports/fuzz/jazzer.md. A finding is written by Jazzer as a
# crash-* file under src/test/resources/.../<Class>Inputs/<method>/ and then replays in every
# normal test run until fixed. Exit 1 when any target found something.
#   ci/fuzz.sh                     # every target
#   ci/fuzz.sh JsonRpcFuzzTest     # the targets whose module:class contains this (e.g. server:)
# Without JAZZER_FUZZ the same tests replay their committed inputs in the normal run (mvn test).
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh

targets=(server:BearerEdgeFuzzTest server:RequestPeekFuzzTest server:JsonRpcFuzzTest server:StdioServerFuzzTest
         server:BearerChallengeFuzzTest server:SettingsReaderFuzzTest conformance-suite:WwwAuthenticateParserFuzzTest)
filter="${1:-}"
mkdir -p reports/fuzz
out=reports/fuzz/jazzer.md
# every target: a new report; some targets: their rows are added to the existing one
if [ -z "$filter" ] || [ ! -f "$out" ]; then {
    echo "# Jazzer long mode ($(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "Command: \`ci/fuzz.sh\` (each target fuzzed for FuzzBudget.LONG in its own JVM)."
    echo
    echo "| target | module | executions | seconds | result |"
    echo "| --- | --- | ---: | ---: | --- |"
} > "$out"; fi
rc=0
make_work_dir
for entry in "${targets[@]}"; do
    module="${entry%%:*}"; class="${entry#*:}"
    [ -n "$filter" ] && [[ "$entry" != *"$filter"* ]] && continue
    say "fuzzing $class"
    set +e
    JAZZER_FUZZ=1 nice -n 10 mvn -B -ntp -q -pl "$module" test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false \
        > "$work/$class.log" 2>&1
    code=$?
    set -e
    done_line=$(grep -ho 'Done [0-9]* runs in [0-9]* second' "$work/$class.log" "$module/target/surefire-reports/$(ls "$module/target/surefire-reports" | grep "$class-output.txt" | head -n 1)" 2>/dev/null | tail -n 1 || true)
    runs=$(echo "$done_line" | awk '{print $2}')
    secs=$(echo "$done_line" | awk '{print $5}')
    result="no finding"
    if [ $code -ne 0 ]; then
        result="FINDING: $(grep -ho 'FuzzTestFindingException: [^ ]*' "$work/$class.log" | head -n 1 || echo "exit $code")"
        rc=1
    fi
    echo "| $class | $module | ${runs:-?} | ${secs:-?} | $result |" >> "$out"
done
say "report: $out"
exit $rc
