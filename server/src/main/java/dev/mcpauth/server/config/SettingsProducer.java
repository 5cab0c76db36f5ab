package dev.mcpauth.server.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * CDI entry point for configuration. Reading the settings at startup means a contradicting
 * configuration stops the container before it serves anything, also when Helidon's own main
 * class is used instead of {@link dev.mcpauth.server.Main}.
 */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    McpSettings settings(Config config) {
        return SettingsReader.read(SettingsSource.of(config));
    }

    /** {@code mcp.auth.mode} and introspection; checked with the rest by {@link SettingsReader}. */
    @Produces
    @Singleton
    AuthModeSettings authMode(Config config) {
        return AuthModeSettingsReader.read(SettingsSource.of(config));
    }

    /** Time is a parameter everywhere. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event, McpSettings settings) {
        // injecting the settings is the check; nothing else to do
    }
}
