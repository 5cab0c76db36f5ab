#!/usr/bin/env bash
# Runs every test of the project (server and conformance suite) with a JDK >= 21.
# Usage: ci/test.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh
say "JAVA_HOME=$JAVA_HOME"
exec mvn -B -ntp verify "$@"
