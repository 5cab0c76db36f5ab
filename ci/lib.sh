# Shell helpers shared by the ci/ scripts. Source it from the repository root:
#
#   cd "$(dirname "$0")/.."; . ci/lib.sh
#
# It picks a JDK >= 21 (ci/java-home.sh) and defines:
#   say/warn/die          one line prefixed with the script's name; die exits 2 (harness error)
#   now_ms, secs MS [N]   a millisecond clock, and MS printed as seconds with N decimals (0, 1 or 3)
#   since START_MS [N]    the time since START_MS (from now_ms), printed by secs
#   make_work_dir         a private temporary directory in $work, deleted on exit (KEEP_WORK=1 keeps it)
#   track PID             stop PID (and its children) on exit, last started first
#   stop_pid PID          stop PID and its children now: TERM, up to 10 s, then KILL
#   free_port             a free TCP port on 127.0.0.1, from the suite jar's `free-port`
#   wait_http URL SECS [PID [CURL_OPTION...]]   until URL answers 2xx: 0; 1 when PID exited; 2 on timeout
#   wait_for_line FILE REGEX SECS [PID]          the same for a line in FILE
#   port_taken LOG        LOG says a port was taken (worth a retry with new ports)
#   random_secret         24 random letters and digits
#   need CMD WHY          die with WHY when CMD is not installed
#   mvn_quiet ARGS...     mvn -B -ntp -q ARGS, without the colour codes Maven 3.8 prints even in batch mode
# On exit (trap set here) it stops every tracked process, runs the script's own `on_exit RC`
# when it defines one, deletes $work, and exits with RC when RC is one of $EXIT_CODES
# (default "0 1 2"), else with 2: a command stopped by `set -e` is a harness error.

LIB_NAME=${LIB_NAME:-$(basename "$0")}
SUITE_JAR=conformance-suite/target/mcp-auth-conformance.jar
SERVER_JAR=server/target/mcp-auth-server.jar
EXIT_CODES=${EXIT_CODES:-0 1 2}

# shellcheck source=java-home.sh
. ci/java-home.sh

say() { echo "$LIB_NAME: $*"; }
warn() { echo "$LIB_NAME: warning: $*" >&2; }
die() { echo "$LIB_NAME: error: $*" >&2; exit 2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { # MS [DECIMALS]
    local ms=$1 decimals=${2:-1}
    case "$decimals" in
        0) printf '%d s' $(( (ms + 500) / 1000 )) ;;
        3) printf '%d.%03d s' $((ms / 1000)) $((ms % 1000)) ;;
        *) printf '%d.%d s' $((ms / 1000)) $(( (ms % 1000) / 100 )) ;;
    esac
}

since() { secs $(( $(now_ms) - $1 )) "${2:-1}"; }

need() { command -v "$1" >/dev/null || die "$1 is needed: $2"; }

mvn_quiet() { mvn -B -ntp -q "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'; return "${PIPESTATUS[0]}"; }

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | head -c 24; }

work=
make_work_dir() {
    work=$(mktemp -d)
    chmod 700 "$work"
}

pids=()   # every process the script started, in start order
track() { pids+=("$1"); }

stop_pid() { # PID: its children first (a wrapper such as kc.sh may be the parent of the real process)
    local pid=$1 child
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do stop_pid "$child"; done
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

lib_cleanup() {
    local rc=$? i
    trap - EXIT INT TERM HUP
    for (( i=${#pids[@]}-1; i>=0; i-- )); do stop_pid "${pids[$i]}"; done
    wait 2>/dev/null || true
    if declare -F on_exit >/dev/null; then on_exit "$rc" || true; fi
    if [ -n "$work" ]; then
        if [ "${KEEP_WORK:-0}" = 1 ]; then echo "$LIB_NAME: work directory kept: $work" >&2; else rm -rf "$work"; fi
    fi
    case " $EXIT_CODES " in
        *" $rc "*) ;;
        *) echo "$LIB_NAME: error: a step failed with exit $rc (harness error)" >&2; rc=2 ;;
    esac
    exit "$rc"
}
trap lib_cleanup EXIT
trap 'exit 2' INT TERM HUP

free_port() {
    [ -f "$SUITE_JAR" ] || die "free_port needs $SUITE_JAR; build it first"
    java -jar "$SUITE_JAR" free-port
}

wait_http() { # URL SECONDS [PID|- [CURL_OPTION...]]
    local url=$1 deadline=$((SECONDS + $2)) pid=${3:--}
    shift 2; [ $# -gt 0 ] && shift
    until curl -fsS -o /dev/null --max-time 3 "$@" "$url" 2>/dev/null; do
        if [ "$pid" != - ]; then kill -0 "$pid" 2>/dev/null || return 1; fi
        [ $SECONDS -lt $deadline ] || return 2
        sleep 0.2
    done
}

wait_for_line() { # FILE REGEX SECONDS [PID]
    local deadline=$((SECONDS + $3)) pid=${4:--}
    until grep -q "$2" "$1" 2>/dev/null; do
        if [ "$pid" != - ]; then kill -0 "$pid" 2>/dev/null || return 1; fi
        [ $SECONDS -lt $deadline ] || return 2
        sleep 0.1
    done
}

# npm_install_pinned SRC DEST NODE [FILE...]: `npm ci` of SRC's package.json + package-lock.json
# into DEST, only when that pinned manifest changed or NODE (or one of the FILEs) is missing.
npm_install_pinned() {
    local src=$1 dest=$2 node=$3 stamp=$2/.installed want f complete=1
    shift 3
    want=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)
    for f in "$node" "$@"; do [ -e "$f" ] || complete=0; done
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ $complete = 1 ]; then
        say "install: cached in ${dest#"$ROOT"/}"
        return 0
    fi
    command -v npm >/dev/null || die "npm is needed to install the pinned Node packages of ${src#"$ROOT"/}"
    say "install: npm ci into ${dest#"$ROOT"/}"
    mkdir -p "$dest"
    rm -rf "$dest/node_modules" "$stamp"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
    (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed in $dest"
    echo "$want" > "$stamp"
}

port_taken() { grep -qiE 'address already in use|EADDRINUSE|port .*(already|in use)|BindException' "$1"; }
