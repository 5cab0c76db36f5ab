package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.RecordingHttpClient;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.options.RunOptions;
import dev.mcpauth.conformance.spec.SpecVersion;
import dev.mcpauth.conformance.token.AttackerJwks;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The server under test and how to talk to it: the run's options, the recording HTTP client, an
 * MCP client speaking the selected spec version, the clock, and the suite's own helper servers.
 */
public final class Target {
    private final RunOptions options;
    private final RecordingHttpClient http;
    private final McpClient mcp;
    private final Clock clock;
    private final RunFixtures fixtures;

    public Target(RunOptions options, RecordingHttpClient http, Clock clock, RunFixtures fixtures) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = Objects.requireNonNull(http, "http");
        this.mcp = new McpClient(http, options.target(), options.specVersion().label());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
    }

    public RunOptions options() {
        return options;
    }

    /** The MCP endpoint URL under test. */
    public URI url() {
        return options.target();
    }

    public SpecVersion specVersion() {
        return options.specVersion();
    }

    public boolean is0618() {
        return options.specVersion() == SpecVersion.V2025_06_18;
    }

    public boolean is2607() {
        return options.specVersion() == SpecVersion.V2026_07_28;
    }

    public McpClient mcp() {
        return mcp;
    }

    public RecordingHttpClient http() {
        return http;
    }

    public Clock clock() {
        return clock;
    }

    public RunFixtures fixtures() {
        return fixtures;
    }

    public AttackerJwks attacker() {
        return fixtures.attacker();
    }

    public Response send(Request request) {
        return http.send(request);
    }

    /** The probe request (initialize; tools/list from 2026-07-28) with this exact {@code Authorization} value. */
    public Response probeWith(String authorization) {
        return mcp.send(mcp.probeRequest().header("Authorization", authorization));
    }

    /** The probe request with {@code Authorization: Bearer <token>}. */
    public Response probeWithBearer(String token) {
        return probeWith("Bearer " + token);
    }

    /** An absolute URL with a host, if the value is one. */
    static Optional<URI> absolute(String value) {
        try {
            URI u = new URI(value);
            return u.isAbsolute() && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
