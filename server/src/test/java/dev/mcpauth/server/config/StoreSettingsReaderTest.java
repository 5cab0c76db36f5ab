package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The {@code mcp.store.*} settings: defaults, PostgreSQL, and one clear line per mistake. */
class StoreSettingsReaderTest {

    @Test
    void defaultIsH2InTheDataDirectory() {
        StoreSettings settings = StoreSettingsReader.read(SettingsSource.of(Map.of()));
        assertThat(settings, is(new StoreSettings.H2(Path.of("data").toAbsolutePath().normalize())));
    }

    @Test
    void h2DirectoryIsConfigurable() {
        StoreSettings settings = StoreSettingsReader.read(SettingsSource.of(Map.of("mcp.store.h2.directory", "/var/lib/mcp/")));
        assertThat(settings, is(new StoreSettings.H2(Path.of("/var/lib/mcp"))));
    }

    @Test
    void postgreSqlTakesUrlUserAndPasswordAndNeverShowsThePassword() {
        StoreSettings settings = StoreSettingsReader.read(SettingsSource.of(Map.of(
                "mcp.store", "PostgreSQL", "mcp.store.postgresql.url", "jdbc:postgresql://db:5432/mcp",
                "mcp.store.postgresql.user", "mcp", "mcp.store.postgresql.password", "s3cret")));
        assertThat(settings, is(new StoreSettings.PostgreSql("jdbc:postgresql://db:5432/mcp", Optional.of("mcp"),
                                                             Optional.of("s3cret"))));
        assertThat(settings.toString(), not(containsString("s3cret")));
    }

    @Test
    void unknownStoreIsRefused() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> StoreSettingsReader.read(SettingsSource.of(Map.of("mcp.store", "mongodb"))));
        assertThat(refused.problems(), contains("mcp.store must be h2 or postgresql, got mongodb"));
    }

    @Test
    void postgreSqlWithoutUsableUrlIsRefusedWithoutEchoingItsQuery() {
        SettingsRefusedException missing = assertThrows(SettingsRefusedException.class,
                () -> StoreSettingsReader.read(SettingsSource.of(Map.of("mcp.store", "postgresql"))));
        assertThat(missing.problems(), contains(
                "mcp.store.postgresql.url is required when mcp.store=postgresql (e.g. jdbc:postgresql://db:5432/mcp)"));
        SettingsRefusedException wrong = assertThrows(SettingsRefusedException.class,
                () -> StoreSettingsReader.read(SettingsSource.of(Map.of("mcp.store", "postgresql",
                        "mcp.store.postgresql.url", "jdbc:mysql://db/mcp?password=hunter2"))));
        assertThat(wrong.problems(), contains(
                "mcp.store.postgresql.url must start with jdbc:postgresql:// and name a host, got jdbc:mysql://db/mcp?..."));
    }

    @Test
    void bothStoresAtOnceIsRefused() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> StoreSettingsReader.read(SettingsSource.of(Map.of("mcp.store", "postgresql",
                        "mcp.store.postgresql.url", "jdbc:postgresql://db/mcp", "mcp.store.h2.directory", "/tmp/x"))));
        assertThat(refused.problems(), contains("mcp.store.h2.directory is set but mcp.store=postgresql; remove one of them"));
    }

    @Test
    void theServerStartupCheckIncludesTheStore() {
        SettingsRefusedException refused = assertThrows(SettingsRefusedException.class,
                () -> SettingsReader.read(SettingsSource.of(Map.of("mcp.auth.issuer", "https://issuer.example",
                                                                   "mcp.store", "sqlite"))));
        assertThat(refused.problems(), contains("mcp.store must be h2 or postgresql, got sqlite"));
    }
}
