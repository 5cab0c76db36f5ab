package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.check.CheckResult;
import dev.mcpauth.conformance.check.RunResult;
import dev.mcpauth.conformance.check.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GoodStubTest {
    @Test
    void printGood() {
        RunResult r = StubHarness.run(Set.of(), "2025-11-25", false, List.of());
        for (CheckResult c : r.checks()) {
            System.out.println(c.status() + " " + c.id() + " " + c.errorMessage().orElse(""));
        }
        System.out.println("duration " + r.duration());
        assertThat(r.checks()).allMatch(c -> c.status() == Status.SUCCESS);
    }
}
