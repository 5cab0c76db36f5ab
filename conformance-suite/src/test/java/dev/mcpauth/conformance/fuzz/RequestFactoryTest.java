package dev.mcpauth.conformance.fuzz;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Request i is rebuilt from the seed and i alone, its family is i mod 9, and the report never shows its tokens. */
class RequestFactoryTest {
    private final RequestFactory factory = new RequestFactory(URI.create("http://127.0.0.1:1/mcp"), 42,
            () -> Optional.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmdXp6In0.c2lnbmF0dXJlLW9mLWEtZ29vZC10b2tlbg"),
            Optional.of("session-1"), "2025-06-18");

    @Test
    void sameSeedAndIndexGiveTheSameRequest() {
        for (int i = 0; i < 200; i++) {
            FuzzRequest a = factory.build(i);
            FuzzRequest b = factory.build(i);
            assertThat(a.redacted()).isEqualTo(b.redacted());
            assertThat(a.body()).isEqualTo(b.body());
            assertThat(a.family()).isEqualTo(FuzzFamily.values()[i % FuzzFamily.values().length]);
        }
    }

    @Test
    void redactedRequestsHoldNoTokenAndNoPieceOfOne() {
        for (int i = 0; i < 900; i++) {
            FuzzRequest r = factory.build(i);
            assertThat(r.secrets()).isNotEmpty();
            assertThat(FuzzRun.echoed(r.redacted(), r.secrets())).as("request %d", i).isEmpty();
        }
    }

    @Test
    void everyHeaderValueIsSendableByTheJdkClient() {
        for (int i = 0; i < 900; i++) {
            factory.build(i).headers().forEach(h -> assertThat(h.getValue()).isEqualTo(Junk.sendable(h.getValue())));
        }
    }
}
