# Sourced, never run: finds a Java 21 or newer, for the bin/ launchers and (through
# ci/java-home.sh) every ci/ script. Helidon 4 needs Java 21+, and the default `java` on many
# machines is older (17 here).
#
#   jdk_select [--for-build]   exports JAVA_HOME and puts its bin/ first on PATH; with --for-build
#                              the candidate must also have javac. On failure it prints ONE line
#                              saying what it found and what to install, and returns 1.
#   jdk_run_jar MODULE NAME ARGS...   the bin/ launchers: builds MODULE/target/NAME.jar when it
#                              is missing, then runs it with ARGS (leading -D/-X arguments and
#                              $JAVA_OPTS go to the JVM); exit 2 when no Java or no build.
#
# Candidates, first match wins: $JAVA_HOME; the `java` on PATH; then every JDK under the
# directories of $JDK_SEARCH_PATH (colon-separated; default /usr/lib/jvm, macOS's
# /Library/Java/JavaVirtualMachines/*/Contents/Home and ~/.sdkman/candidates/java), newest first.

JDK_MIN_MAJOR=21

jdk_major() { # JAVA_HOME -> its major version, from its `release` file, else from running it
    local home=$1 version
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n 1)
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1)
    fi
    echo "${version:-0}"
}

jdk_candidates() { # one JAVA_HOME per line, in the order they are tried
    local java dir home
    [ -n "${JAVA_HOME:-}" ] && echo "${JAVA_HOME%/}"
    if java=$(command -v java 2>/dev/null); then
        java=$(readlink -f "$java" 2>/dev/null || echo "$java")
        echo "${java%/bin/java}"
    fi
    local IFS=:
    for dir in ${JDK_SEARCH_PATH:-/usr/lib/jvm:/Library/Java/JavaVirtualMachines:$HOME/.sdkman/candidates/java}; do
        for home in "$dir"/*/ "$dir"/*/Contents/Home/; do
            home=${home%/}
            [ -x "$home/bin/java" ] && echo "$(jdk_major "$home") $home"
        done
    done | sort -rn -k1,1 | cut -d' ' -f2-
}

jdk_select() { # [--for-build]
    local need_javac=0 home major seen=
    [ "${1:-}" = --for-build ] && need_javac=1
    while IFS= read -r home; do
        [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
        major=$(jdk_major "$home")
        if [ "$major" -ge "$JDK_MIN_MAJOR" ] && [ $need_javac = 1 ] && [ ! -x "$home/bin/javac" ]; then
            major="$major (a JRE: no javac)"
        elif [ "$major" -ge "$JDK_MIN_MAJOR" ]; then
            export JAVA_HOME=$home
            export PATH="$JAVA_HOME/bin:$PATH"
            jdk_maven_opts
            return 0
        fi
        case ",$seen," in *", $major,"*) ;; *) seen+="${seen:+,} $major" ;; esac
    done < <(jdk_candidates)
    echo "$(basename "$0"): error: needs a JDK $JDK_MIN_MAJOR or newer, found ${seen:+Java}${seen:- no Java} (JAVA_HOME=${JAVA_HOME:-unset});" \
         "install one (e.g. \`apt-get install openjdk-21-jdk-headless\`, or Temurin 21 from https://adoptium.net)" \
         "and set JAVA_HOME to it" >&2
    return 1
}

# Maven's bundled Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
jdk_maven_opts() {
    if [ "$(jdk_major "$JAVA_HOME")" -ge 24 ]; then
        case "${MAVEN_OPTS:-}" in *sun-misc-unsafe-memory-access*) ;; *)
            export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
    fi
}

jdk_run_jar() { # MODULE NAME ARGS...
    local module=$1 name=$2 root jar
    shift 2
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    jar=$root/$module/target/$name.jar
    if [ ! -f "$jar" ]; then
        jdk_select --for-build || exit 2
        command -v mvn >/dev/null || { echo "$name: error: $module/target/$name.jar is not built and building it needs Maven 3.8+ (\`apt-get install maven\`)" >&2; exit 2; }
        echo "$name: building $module/target/$name.jar first (mvn -q package -DskipTests -pl $module, about a minute)" >&2
        (set -o pipefail; cd "$root" && mvn -B -ntp -q package -DskipTests -pl "$module" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2) \
            || { echo "$name: error: the build of $module failed (output above)" >&2; exit 2; }
    else
        jdk_select || exit 2
    fi
    local jvm=()
    # shellcheck disable=SC2206  # JAVA_OPTS is a list of words by convention
    jvm=(${JAVA_OPTS:-})
    while [ $# -gt 0 ]; do
        case "$1" in -D*|-X*) jvm+=("$1"); shift ;; *) break ;; esac
    done
    exec "$JAVA_HOME/bin/java" "${jvm[@]}" -jar "$jar" "$@"
}
