package dev.mcpauth.conformance.fuzz;

/**
 * Why a fuzzed request fails the run.
 *
 * @param status the HTTP status, or 0 when there was no answer
 * @param detail what was wrong, never holding a token
 */
public record Finding(Kind kind, FuzzRequest request, int status, String detail) {

    /** The three ways a run fails. */
    public enum Kind {
        /** Any 5xx answer. */
        SERVER_ERROR,
        /** A token the request carried, or a 12-character piece of one, came back. */
        TOKEN_ECHOED,
        /** No answer, and the server then failed its liveness probes too. */
        STOPPED_ANSWERING
    }
}
