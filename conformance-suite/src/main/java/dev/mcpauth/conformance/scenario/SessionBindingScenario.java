package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.result.Status;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.util.List;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** A session is not authentication: every request needs its own good token, from the session's user. */
final class SessionBindingScenario implements Scenario {
    static final CheckSpec NO_TOKEN = CheckSpec.of("session-binding-no-token", Level.MUST,
            "A session id without a token gets 401",
            "tools/list with a valid Mcp-Session-Id but no Authorization gets 401: the token is checked on every "
                    + "request (2026-07-28, which has no sessions: a good call, then the same call without a token).",
            List.of("RS-35"), "MCP-authorization#token-requirements", "MCP-security#session-hijacking");
    static final CheckSpec BAD_TOKEN = CheckSpec.of("session-binding-bad-token", Level.MUST,
            "A session id with a bad token gets 401",
            "tools/list with a valid Mcp-Session-Id and a token with a damaged signature (or a random one) gets 401.",
            List.of("RS-35"), "MCP-authorization#token-requirements", "MCP-security#session-hijacking");
    static final CheckSpec OTHER_USER = CheckSpec.of("session-binding-other-user", Level.SHOULD,
            "Another user cannot use the session",
            "tools/list with user A's Mcp-Session-Id and a good token for user B is refused (404 or 403 — the "
                    + "specs do not say which — or 401); sessions SHOULD be bound to the user.",
            List.of("RS-69"), "MCP-security#session-hijacking", "MCP-transports#session-management").until1125();

    @Override
    public String id() {
        return "session-binding";
    }

    @Override
    public String title() {
        return "Sessions are not authentication";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(NO_TOKEN, BAD_TOKEN, OTHER_USER);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        McpSession session = ctx.facts().acceptance().session().orElseThrow();
        McpClient mcp = ctx.target().mcp();
        Verdicts.rejected(rec, NO_TOKEN, mcp.send(mcp.toolsList(session)), Verdicts.ONLY_401,
                "tools/list in an established session without a token");
        Minted bad = ctx.mutated(TokenMutation.FLIPPED_SIGNATURE);
        if (!bad.available()) {
            bad = ctx.mutated(TokenMutation.RANDOM_OPAQUE);
        }
        Verdicts.rejected(rec, BAD_TOKEN, mcp.send(mcp.toolsList(session).bearer(bad.get())), Verdicts.ONLY_401,
                "tools/list in an established session with a bad token");
        if (!rec.applies(OTHER_USER)) {
            return;
        }
        if (session.sessionId().isEmpty()) {
            rec.status(OTHER_USER, Status.INFO, "the target issued no Mcp-Session-Id, so there is no session to bind",
                    details(), session.responses());
            return;
        }
        Minted other = ctx.mutated(TokenMutation.OTHER_SUBJECT);
        if (!other.available()) {
            rec.untestable(OTHER_USER, other.unavailable(), List.of());
            return;
        }
        Response r = mcp.send(mcp.toolsList(session).bearer(other.get()));
        if (!r.received()) {
            rec.untestable(OTHER_USER, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        rec.verdict(OTHER_USER, r.status() >= 400 && r.status() < 500, "user B's good token in user A's session "
                + "answered " + r.summary() + (r.is2xx() ? ": the session is not bound to its user" : ""),
                details(), List.of(r));
    }
}
