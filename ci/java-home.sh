# Sourced by the ci/ scripts: picks a JDK >= 21 and exports JAVA_HOME and PATH.
# Helidon 4 needs Java 21+, and the default `java` on many machines is older.
# Order: $JAVA_HOME if it is new enough, then every JDK under /usr/lib/jvm, newest first.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

select_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate="${candidate%/}"
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "error: no JDK 21 or newer found. Install one and set JAVA_HOME to it" \
         "(for example JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64)." >&2
    return 1
}

select_jdk || exit 2
# Maven's bundled Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
