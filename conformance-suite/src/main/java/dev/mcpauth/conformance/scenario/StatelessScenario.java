package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * 2026-07-28 has no sessions: no Mcp-Session-Id is minted or echoed, GET and DELETE get 405,
 * and a result marked {@code cacheScope: "public"} is the same for every user.
 */
final class StatelessScenario implements Scenario {
    static final String STALE_SESSION = "conformance-suite-stale-session";

    static final CheckSpec NO_SESSION = CheckSpec.of("stateless-no-session-id", Level.SHOULD,
            "No session id is minted or echoed",
            "server/discover and tools/list with a good token, the second carrying a leftover Mcp-Session-Id, both get "
                    + "200 and no Mcp-Session-Id: the header is ignored, never minted or echoed (2026-07-28, Earlier "
                    + "Streamable HTTP Revisions).",
            List.of("RS-70"), "MCP-transports#earlier-streamable-http-revisions").from2607();
    static final CheckSpec GET_DELETE = CheckSpec.of("stateless-get-delete-405", Level.SHOULD,
            "GET and DELETE get 405",
            "GET and DELETE on the MCP endpoint with a good token and MCP-Protocol-Version: 2026-07-28 get 405 Method "
                    + "Not Allowed: the GET stream and session termination are gone.",
            List.of("RS-70", "RS-17"), "MCP-transports#earlier-streamable-http-revisions").from2607();
    static final CheckSpec DISCOVER_TOKEN = CheckSpec.of("stateless-discover-needs-token", Level.MAY,
            "server/discover without a token gets 401",
            "server/discover without Authorization gets 401 with a Bearer challenge. Whether discovery needs a token "
                    + "is not stated (docs/rs-checklist.md, policy P-09); the suite's reading is that it does (RFC 6750 challenges every "
                    + "request without a token, and servers SHOULD authenticate every connection), so a server that "
                    + "serves it publicly is only noted (INFO).",
            List.of("RS-17"), "MCP-transports#security-endpoint", "RFC6750-3").from2607();
    static final CheckSpec PUBLIC_CACHE = CheckSpec.of("stateless-public-cache-same-for-all", Level.SHOULD,
            "A public cacheScope result is the same for every user",
            "server/discover and tools/list answered to two users (same scopes, another sub and client_id): a result "
                    + "marked cacheScope \"public\" may be shared across tokens, so it must be identical for both; a result "
                    + "that depends on the user should be \"private\" (2026-07-28 caching).",
            List.of("RS-71"), "MCP-authorization").from2607();

    @Override
    public String id() {
        return "stateless";
    }

    @Override
    public String title() {
        return "Stateless transport (2026-07-28): no sessions, GET/DELETE 405, public results shared safely";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(DISCOVER_TOKEN, NO_SESSION, GET_DELETE, PUBLIC_CACHE);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (!rec.applies(NO_SESSION)) {
            rec.skipRest("applies from 2026-07-28; this run checks " + ctx.target().specVersion());
            return;
        }
        Response anonymous = ctx.target().send(ctx.target().mcp().discoverRequest());
        rec.verdict(DISCOVER_TOKEN, anonymous.status() == 401 && anonymous.challenges().bearer().isPresent(),
                "server/discover without a token answered " + Verdicts.describe(anonymous), details(),
                List.of(anonymous));
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String token = ctx.facts().baselineToken().get();
        McpClient mcp = ctx.target().mcp();
        Response discover = ctx.target().send(mcp.discoverRequest().bearer(token));
        Response list = ctx.target().send(mcp.probeRequest().bearer(token).header("Mcp-Session-Id", STALE_SESSION));
        List<String> problems = new ArrayList<>();
        for (Response r : List.of(discover, list)) {
            String what = r == discover ? "server/discover" : "tools/list with a leftover Mcp-Session-Id";
            if (!McpClient.hasResult(r)) {
                problems.add(what + " answered " + Verdicts.describe(r));
            }
            r.header("Mcp-Session-Id").ifPresent(id -> problems.add(what + " carries Mcp-Session-Id"
                    + (id.equals(STALE_SESSION) ? " (echoed)" : " (minted)")));
        }
        rec.verdict(NO_SESSION, problems.isEmpty(), String.join("; ", problems), details(), List.of(discover, list));
        Request get = new Request("GET", ctx.target().url(), List.of(), "").bearer(token)
                .header("MCP-Protocol-Version", mcp.protocolVersion()).header("Accept", "text/event-stream");
        Response g = ctx.target().send(get);
        Response d = ctx.target().send(get.withMethod("DELETE", "").without("Accept").header("Accept", McpClient.ACCEPT));
        rec.verdict(GET_DELETE, g.status() == 405 && d.status() == 405, "expected 405 for both; GET → "
                + Verdicts.describe(g) + ", DELETE → " + Verdicts.describe(d), details(), List.of(g, d));
        publicCache(ctx, rec, discover, list);
    }

    private static void publicCache(ScenarioContext ctx, CheckRecorder rec, Response discoverA, Response listA) {
        Minted other = ctx.mutated(TokenMutation.OTHER_SUBJECT);
        if (!other.available()) {
            rec.untestable(PUBLIC_CACHE, other.unavailable(), List.of());
            return;
        }
        McpClient mcp = ctx.target().mcp();
        Response discoverB = ctx.target().send(mcp.discoverRequest().bearer(other.get()));
        Response listB = ctx.target().send(mcp.probeRequest().bearer(other.get()));
        List<String> differing = new ArrayList<>();
        List<String> publicOnes = new ArrayList<>();
        compare("server/discover", discoverA, discoverB, publicOnes, differing);
        compare("tools/list", listA, listB, publicOnes, differing);
        rec.verdict(PUBLIC_CACHE, differing.isEmpty(), "results marked cacheScope \"public\" differ between two users: "
                + String.join(", ", differing), details("public", publicOnes), List.of(discoverA, discoverB, listA, listB));
    }

    private static void compare(String what, Response a, Response b, List<String> publicOnes, List<String> differing) {
        Optional<JsonObject> ra = result(a);
        Optional<JsonObject> rb = result(b);
        boolean isPublic = ra.flatMap(r -> JsonValues.string(r, "cacheScope")).map("public"::equals).orElse(false)
                || rb.flatMap(r -> JsonValues.string(r, "cacheScope")).map("public"::equals).orElse(false);
        if (isPublic) {
            publicOnes.add(what);
            if (!ra.equals(rb)) {
                differing.add(what);
            }
        }
    }

    private static Optional<JsonObject> result(Response r) {
        return McpClient.message(r).map(m -> m.get("result"))
                .filter(v -> v != null && v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }
}
