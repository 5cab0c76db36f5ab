#!/usr/bin/env bash
# The HTML report as a reviewer sees it, in a real browser (not in the default test run: it needs
# Chromium). Installs Debian's chromium when missing (apt-get, as root) and playwright-core pinned by
# ci/report-browser/package-lock.json into .cache/report-browser; writes the reports of a real suite
# run against the suite's stub server broken one way (a 401 where 403 is due: FAILUREs with their
# exchanges); opens report.html headless and asserts the verdict, the counts, and that clicking a
# failing check's link brings its exchange on screen. Screenshot: reports/browser/report-failing.png.
#
#   ci/report-browser.sh [REPORT_DIR]   # REPORT_DIR: check an existing report instead (it must hold a FAILURE
#                                       # of insufficient-scope-status-403, or set CHECK_ID)
set -euo pipefail
cd "$(dirname "$0")/.."
. ci/lib.sh

CHECK_ID=${CHECK_ID:-insufficient-scope-status-403}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ROOT=$PWD
cache=$ROOT/.cache/report-browser
shot=$ROOT/reports/browser/report-failing.png

if [ ! -x "$CHROMIUM" ]; then
    need apt-get "Chromium is missing and only Debian's package is used here; install it and set CHROMIUM"
    say "install: apt-get install -y chromium"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 \
        || die "apt-get install chromium failed (run as root, or install it and set CHROMIUM)"
fi
need node "Node.js 20+ runs the browser script"
npm_install_pinned ci/report-browser "$cache" "$cache/node_modules/playwright-core/package.json"
cp ci/report-browser/check.mjs "$cache/check.mjs"

if [ $# -ge 1 ]; then
    report=$1
else
    make_work_dir
    report=$work/report
    say "writing a failing report: the suite against its stub with a 401 for insufficient scope"
    mvn_quiet -pl conformance-suite test -Dtest=BrowserReportFixture -Dsurefire.failIfNoSpecifiedTests=false \
        -Dreport.browser.out="$report" \
        || die "the fixture report could not be written (mvn test -Dtest=BrowserReportFixture failed)"
fi
[ -f "$report/report.html" ] || die "no report.html in $report"
mkdir -p "$(dirname "$shot")"
say "opening $report/report.html in $("$CHROMIUM" --version 2>/dev/null | head -1)"
CHROMIUM=$CHROMIUM node "$cache/check.mjs" "$report" "$shot" "$CHECK_ID"
