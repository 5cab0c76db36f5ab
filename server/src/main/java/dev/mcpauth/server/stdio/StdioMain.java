package dev.mcpauth.server.stdio;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mcpauth.server.config.SettingsRefusedException;
import dev.mcpauth.server.config.SettingsSource;
import dev.mcpauth.server.config.StoreSettings;
import dev.mcpauth.server.config.StoreSettingsReader;
import dev.mcpauth.server.mcp.tools.CurrentDayTool;
import dev.mcpauth.server.mcp.tools.McpTool;
import dev.mcpauth.server.mcp.tools.MemoryTools;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.store.MemoryDatabase;
import dev.mcpauth.server.memory.store.MemoryStore;
import dev.mcpauth.server.memory.store.MemoryStoreException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The STDIO adapter: {@code java -jar mcp-auth-server.jar --stdio}, or this class as the main
 * class. It serves the memory tools (and {@code get_current_day}) on the same store as the HTTP
 * server, configured by the same {@code mcp.store.*} settings, for one local user named by the
 * environment. It starts no HTTP server. Standard output carries JSON-RPC only: everything else
 * that would print there (logs, libraries) is sent to standard error.
 */
public final class StdioMain {

    /** The local user's subject; required. */
    public static final String SUBJECT_VARIABLE = "MCP_STDIO_SUBJECT";
    /** The issuer half of the owner; optional. Set it to the OAuth issuer to share memories with that user over HTTP. */
    public static final String ISSUER_VARIABLE = "MCP_STDIO_ISSUER";
    static final String DEFAULT_ISSUER = "local";
    static final int EXIT_REFUSED = 2;
    static final int EXIT_STORE_FAILED = 3;

    private StdioMain() {
    }

    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        System.exit(run(System.getenv(), protocol));
    }

    static int run(Map<String, String> environment, PrintStream protocol) {
        Optional<Owner> owner = owner(environment);
        if (owner.isEmpty()) {
            return EXIT_REFUSED;
        }
        StoreSettings settings;
        try {
            settings = StoreSettingsReader.read(SettingsSource.of(ConfigProvider.getConfig()));
        } catch (SettingsRefusedException e) {
            System.err.println(e.getMessage());
            return EXIT_REFUSED;
        }
        try (MemoryStore store = MemoryDatabase.open(settings)) {
            System.err.println("mcp-auth-server --stdio: serving " + owner.get().subject() + " (issuer "
                                       + owner.get().issuer() + ") on standard input/output");
            new StdioServer(tools(store, owner.get())).serve(System.in, protocol);
            return 0;
        } catch (MemoryStoreException e) {
            System.err.println("mcp-auth-server --stdio: " + e.getMessage() + ": " + rootMessage(e));
            return EXIT_STORE_FAILED;
        } catch (IOException e) {
            System.err.println("mcp-auth-server --stdio: standard input/output failed: " + e.getMessage());
            return 1;
        }
    }

    static Optional<Owner> owner(Map<String, String> environment) {
        String subject = Optional.ofNullable(environment.get(SUBJECT_VARIABLE)).map(String::strip).orElse("");
        String issuer = Optional.ofNullable(environment.get(ISSUER_VARIABLE)).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_ISSUER);
        if (subject.isEmpty()) {
            System.err.println("mcp-auth-server --stdio refused to start: " + SUBJECT_VARIABLE
                                       + " is required (the local user who owns the memories, e.g. "
                                       + SUBJECT_VARIABLE + "=$USER)");
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(issuer, subject));
        } catch (IllegalArgumentException e) {
            System.err.println("mcp-auth-server --stdio refused to start: " + SUBJECT_VARIABLE + "/" + ISSUER_VARIABLE
                                       + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<McpTool> tools(MemoryStore store, Owner owner) {
        Clock clock = Clock.systemUTC();
        List<McpTool> tools = new ArrayList<>(MemoryTools.all(store, () -> Optional.of(owner), clock));
        tools.add(new CurrentDayTool(clock));
        return tools;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
