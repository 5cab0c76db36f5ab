package dev.mcpauth.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void theHostHeaderIsAllowedOnceWithoutDroppingOtherNames() {
        java.util.Optional<String> before = java.util.Optional.ofNullable(System.getProperty(Main.RESTRICTED_HEADERS));
        try {
            System.setProperty(Main.RESTRICTED_HEADERS, "connection");
            Main.allowHostHeader();
            assertThat(System.getProperty(Main.RESTRICTED_HEADERS)).isEqualTo("connection,host");
            Main.allowHostHeader();
            assertThat(System.getProperty(Main.RESTRICTED_HEADERS)).isEqualTo("connection,host");
            System.clearProperty(Main.RESTRICTED_HEADERS);
            Main.allowHostHeader();
            assertThat(System.getProperty(Main.RESTRICTED_HEADERS)).isEqualTo("host");
        } finally {
            before.ifPresentOrElse(v -> System.setProperty(Main.RESTRICTED_HEADERS, v),
                    () -> System.clearProperty(Main.RESTRICTED_HEADERS));
        }
    }
}
