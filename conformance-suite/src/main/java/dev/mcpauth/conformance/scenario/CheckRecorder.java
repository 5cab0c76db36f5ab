package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.result.CheckResult;
import dev.mcpauth.conformance.result.Exchange;
import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.Response;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Collects the verdicts of one scenario run. Every declared check ends up with exactly one
 * result: a check the scenario never reached is reported as untestable (FAILURE, WARNING or INFO
 * by its level; never silently missing, never SKIPPED); SKIPPED is only for a check that does not apply to the
 * selected spec version. Recording an undeclared check, or one check twice, is a bug in the
 * scenario and throws.
 */
public final class CheckRecorder {
    private final String scenarioId;
    private final Map<String, CheckSpec> declared = new LinkedHashMap<>();
    private final SpecVersion specVersion;
    private final Clock clock;
    private final CheckListener listener;
    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private final UnaryOperator<String> redact;

    public CheckRecorder(String scenarioId, List<CheckSpec> declared, SpecVersion specVersion, Clock clock,
                         CheckListener listener) {
        this(scenarioId, declared, specVersion, clock, listener, UnaryOperator.identity());
    }

    /**
     * @param redact applied to every message and every string in the details before a result is
     *               recorded: messages quote what the server sent, and that may hold a token
     */
    public CheckRecorder(String scenarioId, List<CheckSpec> declared, SpecVersion specVersion, Clock clock,
                         CheckListener listener, UnaryOperator<String> redact) {
        this.redact = Objects.requireNonNull(redact, "redact");
        this.scenarioId = Objects.requireNonNull(scenarioId, "scenarioId");
        declared.forEach(c -> {
            if (this.declared.put(c.id(), c) != null) {
                throw new IllegalArgumentException("check declared twice: " + c.id());
            }
        });
        this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public SpecVersion specVersion() {
        return specVersion;
    }

    /** False (and the check recorded as SKIPPED) when the check does not apply to this spec version. */
    public boolean applies(CheckSpec spec) {
        if (spec.appliesTo(specVersion)) {
            return true;
        }
        record(spec, Status.SKIPPED, Optional.of(spec.applicability() + "; this run checks " + specVersion), false,
                Map.of(), List.of());
        return false;
    }

    /** Records every declared check not yet recorded as SKIPPED (the scenario does not apply to this version). */
    public void skipRest(String why) {
        for (CheckSpec spec : declared.values()) {
            if (!results.containsKey(spec.id())) {
                record(spec, Status.SKIPPED, Optional.of(why), false, Map.of(), List.of());
            }
        }
    }

    public void pass(CheckSpec spec, Map<String, Object> details, List<Response> responses) {
        record(spec, Status.SUCCESS, Optional.empty(), false, details, responses);
    }

    /** The server does not meet the requirement: FAILURE, WARNING or INFO by the check's level. */
    public void violated(CheckSpec spec, String message, Map<String, Object> details, List<Response> responses) {
        record(spec, Status.whenViolated(spec.levelFor(specVersion)), Optional.of(message), false, details, responses);
    }

    /**
     * The server does not meet a requirement whose level this run decides (e.g. {@code typ} under
     * the chosen token profile): the status follows {@code level}, and the result reports it.
     */
    public void violatedAt(CheckSpec spec, Level level, String message, Map<String, Object> details,
                           List<Response> responses) {
        record(spec, level, Status.whenViolated(level), Optional.of(message), false, details, responses);
    }

    /** {@link #verdict} at a level this run decides; the result reports that level either way. */
    public void verdictAt(CheckSpec spec, Level level, boolean ok, String messageIfNot, Map<String, Object> details,
                          List<Response> responses) {
        if (ok) {
            record(spec, level, Status.SUCCESS, Optional.empty(), false, details, responses);
        } else {
            violatedAt(spec, level, messageIfNot, details, responses);
        }
    }

    /** {@link #pass} when {@code ok}, else {@link #violated}. */
    public void verdict(CheckSpec spec, boolean ok, String messageIfNot, Map<String, Object> details,
                        List<Response> responses) {
        if (ok) {
            pass(spec, details, responses);
        } else {
            violated(spec, messageIfNot, details, responses);
        }
    }

    /** A verdict with an explicit status (for policies that grade outcomes, e.g. 5xx vs 2xx). */
    public void status(CheckSpec spec, Status status, String message, Map<String, Object> details,
                       List<Response> responses) {
        record(spec, status, status == Status.SUCCESS ? Optional.empty() : Optional.of(message), false, details,
                responses);
    }

    /**
     * A grey-box check whose flag the operator did not give: SKIPPED as not requested (it never
     * fails the run), or, with {@code --require-greybox}, {@link #untestable} like any missing
     * prerequisite.
     */
    public void greyBoxNotRequested(CheckSpec spec, String how, boolean required) {
        if (required) {
            untestable(spec, "grey-box check required (--require-greybox) but not enabled: " + how, List.of());
        } else {
            record(spec, Status.SKIPPED, Optional.of("not requested (grey box): " + how), false, Map.of(), List.of());
        }
    }

    /**
     * A prerequisite is missing: {@code untestable} set, and the status the check's level gives a
     * violation (MUST → FAILURE, SHOULD → WARNING, MAY → INFO), never SUCCESS nor SKIPPED: an
     * unverified MUST fails the run, an unverified SHOULD or MAY is flagged without failing it.
     */
    public void untestable(CheckSpec spec, String why, List<Response> responses) {
        record(spec, Status.whenViolated(spec.levelFor(specVersion)), Optional.of("untestable: " + why), true, Map.of(),
                responses);
    }

    /**
     * Stops a scenario whose prerequisite is missing: when {@code reason} holds why (for example
     * {@code TargetFacts.tokenGate()}), every check not yet recorded becomes untestable.
     *
     * @return true when the scenario must stop
     */
    public boolean stoppedBy(Optional<String> reason) {
        reason.ifPresent(this::untestableRest);
        return reason.isPresent();
    }

    /** Marks every declared check not yet recorded as untestable (or SKIPPED when it does not apply). */
    public void untestableRest(String why) {
        untestableRest(why, List.of());
    }

    /** {@link #untestableRest(String)} with the exchanges that showed why (e.g. the calls made while looking). */
    public void untestableRest(String why, List<Response> responses) {
        for (CheckSpec spec : declared.values()) {
            if (!results.containsKey(spec.id()) && applies(spec)) {
                untestable(spec, why, responses);
            }
        }
    }

    public boolean recorded(CheckSpec spec) {
        return results.containsKey(spec.id());
    }

    /** The results in the order recorded; unreached declared checks are added as untestable. */
    public List<CheckResult> finish() {
        untestableRest("the scenario ended before this check ran");
        return new ArrayList<>(results.values());
    }

    private void record(CheckSpec spec, Status status, Optional<String> message, boolean untestable,
                        Map<String, Object> details, List<Response> responses) {
        record(spec, spec.levelFor(specVersion), status, message, untestable, details, responses);
    }

    private void record(CheckSpec spec, Level level, Status status, Optional<String> message, boolean untestable,
                        Map<String, Object> details, List<Response> responses) {
        if (!declared.containsKey(spec.id())) {
            throw new IllegalStateException("check " + spec.id() + " is not declared by scenario " + scenarioId);
        }
        if (results.containsKey(spec.id())) {
            throw new IllegalStateException("check " + spec.id() + " recorded twice");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        details.forEach((k, v) -> d.put(k, redacted(v)));
        if (!responses.isEmpty() && !d.containsKey("statuses")) {
            d.put("statuses", responses.stream().map(r -> (Object) r.status()).toList());
        }
        List<Exchange> exchanges = responses.stream().map(Response::exchange).toList();
        CheckResult result = new CheckResult(spec.id(), spec.name(), spec.description(), scenarioId, spec.rows(),
                level, status, clock.instant(), spec.references(specVersion), d, message.map(redact),
                untestable, exchanges);
        results.put(spec.id(), result);
        listener.checkFinished(result);
    }

    /** A detail value with every string in it redacted (lists included). */
    private Object redacted(Object value) {
        return switch (value) {
            case String s -> redact.apply(s);
            case List<?> list -> list.stream().map(this::redacted).toList();
            case null, default -> value;
        };
    }
}
