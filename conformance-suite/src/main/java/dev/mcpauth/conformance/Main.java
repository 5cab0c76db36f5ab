package dev.mcpauth.conformance;

/** Entry point of the conformance suite (placeholder until the CLI lands). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("usage: mcp-auth-conformance (run|issuer) ...");
        System.exit(2);
    }
}
