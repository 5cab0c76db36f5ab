package dev.mcpauth.server.fuzz;

/**
 * How long each {@code @FuzzTest} fuzzes in long mode ({@code JAZZER_FUZZ=1}, one target per JVM:
 * {@code ci/fuzz.sh}). Without {@code JAZZER_FUZZ} the fuzz tests only replay their committed
 * inputs ({@code src/test/resources/.../<Class>Inputs/<method>/}) in the normal test run.
 * Jazzer reads the duration from the annotation only, hence one constant for every target.
 */
public final class FuzzBudget {

    /** Fuzzing time per target in long mode. */
    public static final String LONG = "2m";

    /** A token (or a 16-character piece of one) shorter than this is not searched for in outputs. */
    public static final int ECHO_MIN_LENGTH = 16;

    private FuzzBudget() {
    }

    /** Whether {@code text} holds {@code secret} or any {@value #ECHO_MIN_LENGTH}-character piece of it. */
    public static boolean echoes(String text, String secret) {
        if (secret.length() < ECHO_MIN_LENGTH) {
            return false;
        }
        for (int i = 0; i + ECHO_MIN_LENGTH <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + ECHO_MIN_LENGTH))) {
                return true;
            }
        }
        return false;
    }
}
