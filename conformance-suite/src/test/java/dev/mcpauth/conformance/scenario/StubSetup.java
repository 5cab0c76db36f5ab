package dev.mcpauth.conformance.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a stub is started besides its defects.
 *
 * @param sse      answer JSON-RPC requests as an event stream when the client accepts one
 * @param upstream the upstream API its {@code fetch_upstream} tool calls (the tool is listed only then)
 * @param log      the file it logs each request to
 */
record StubSetup(boolean sse, Optional<URI> upstream, Optional<Path> log) {
    static StubSetup plain(boolean sse) {
        return new StubSetup(sse, Optional.empty(), Optional.empty());
    }
}
