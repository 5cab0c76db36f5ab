package dev.mcpauth.conformance.result;

import dev.mcpauth.conformance.spec.SpecReference;

import dev.mcpauth.conformance.spec.Level;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check: the fields of the official suite's {@code ConformanceCheck}
 * (id, name, description, status, timestamp, specReferences, details, errorMessage) plus
 * what our reports add (checklist rows, level, untestable flag, the exchanges seen).
 *
 * <p>The same {@code id} is used whether the check passes or fails.
 *
 * @param id             kebab-case check id, unique within a run, e.g. {@code missing-token-status-401}
 * @param name           short human title
 * @param description    what is checked and, where specs disagree, the policy followed
 * @param scenarioId     the scenario that produced it
 * @param rows           checklist rows covered, e.g. {@code RS-17}
 * @param level          normative level of the requirement checked
 * @param status         verdict
 * @param timestamp      when the verdict was reached
 * @param specReferences where the requirement is written
 * @param details        extra JSON-able facts (String, Number, Boolean, List, Map values), insertion-ordered
 * @param errorMessage   what was expected and what was seen, when not SUCCESS
 * @param untestable     true when a prerequisite was missing (status is then the level's violation status)
 * @param exchanges      the HTTP exchanges this check looked at, tokens redacted
 */
public record CheckResult(String id,
                          String name,
                          String description,
                          String scenarioId,
                          List<String> rows,
                          Level level,
                          Status status,
                          Instant timestamp,
                          List<SpecReference> specReferences,
                          Map<String, Object> details,
                          Optional<String> errorMessage,
                          boolean untestable,
                          List<Exchange> exchanges) {
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scenarioId, "scenarioId");
        rows = List.copyOf(rows);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        specReferences = List.copyOf(specReferences);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(errorMessage, "errorMessage");
        exchanges = List.copyOf(exchanges);
    }

    /** True when this check is a failure that counts against the run (MUST level). */
    public boolean isFailure() {
        return status == Status.FAILURE;
    }

    /** A copy with another status and message; used when applying expected failures. */
    public CheckResult withStatus(Status newStatus, Optional<String> newErrorMessage) {
        return new CheckResult(id, name, description, scenarioId, rows, level, newStatus, timestamp,
                specReferences, details, newErrorMessage, untestable, exchanges);
    }
}
