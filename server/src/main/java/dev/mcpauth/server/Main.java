package dev.mcpauth.server;

import dev.mcpauth.server.config.SettingsReader;
import dev.mcpauth.server.config.SettingsRefusedException;
import dev.mcpauth.server.config.SettingsSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the configuration before the container starts, so a contradiction ends the process with
 * one readable line and exit code 2 instead of a CDI stack trace; then hands over to Helidon.
 * With {@code --stdio} it runs the STDIO adapter instead and starts no HTTP server.
 */
public final class Main {

    static final int EXIT_REFUSED = 2;

    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--stdio")) {
            dev.mcpauth.server.stdio.StdioMain.main(args);
            return;
        }
        try {
            SettingsReader.read(SettingsSource.of(ConfigProvider.getConfig()));
            dev.mcpauth.server.compat.CompatSettingsReader.read(SettingsSource.of(ConfigProvider.getConfig()));
        } catch (SettingsRefusedException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_REFUSED);
        }
        io.helidon.microprofile.cdi.Main.main(args);
    }
}
