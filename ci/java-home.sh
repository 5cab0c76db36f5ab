# Sourced by the ci/ scripts (through ci/lib.sh), and by hand: `. ci/java-home.sh && mvn ...`.
# Picks a JDK >= 21 and exports JAVA_HOME and PATH, or prints one line and exits 2.
# The finder is bin/jdk.sh, shared with the bin/ launchers; see it for the order of candidates.
# shellcheck source=../bin/jdk.sh
. "$(dirname "${BASH_SOURCE[0]}")/../bin/jdk.sh"
jdk_select --for-build || exit 2
