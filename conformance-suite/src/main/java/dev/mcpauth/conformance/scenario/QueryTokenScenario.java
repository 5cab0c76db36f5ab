package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import dev.mcpauth.conformance.token.TokenMutation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/** A good token anywhere but the Authorization header does not authenticate. */
final class QueryTokenScenario implements Scenario {
    static final CheckSpec IGNORED = CheckSpec.of("query-token-ignored", Level.MUST,
            "A token in the query string is ignored",
            "POST initialize with ?access_token=<good token> and no Authorization header gets 401: the resource "
                    + "server MUST ignore query tokens (OAuth 2.1 §5.1) and MCP forbids them.",
            List.of("RS-26"), "OAUTH21-5.1", "MCP-authorization#access-token-usage");
    static final CheckSpec NO_ERROR = CheckSpec.of("query-token-no-error", Level.SHOULD,
            "The query token counts as no credentials",
            "The 401 for a query-only token carries no error code, as for a request without credentials.",
            List.of("RS-26", "RS-19"), "RFC6750-3.1");
    static final CheckSpec WITH_GARBAGE = CheckSpec.of("query-token-with-garbage-header", Level.MUST,
            "A good query token does not rescue a bad header",
            "?access_token=<good token> plus Authorization: Bearer <garbage> gets 401 (or 400 for two methods, "
                    + "docs/rs-checklist.md, policy P-02), never 2xx.",
            List.of("RS-26"), "OAUTH21-5.1", "RFC6750-2");
    static final CheckSpec FORM = CheckSpec.of("query-token-form-body", Level.SHOULD,
            "A form-body token is not MCP authentication",
            "POST with Content-Type application/x-www-form-urlencoded and access_token=<good token> in the body, no "
                    + "header, gets 401, 400 or 415; MCP requires the header and JSON bodies.",
            List.of("RS-27"), "OAUTH21-5.1.2", "MCP-authorization#access-token-usage");

    private static final Set<Integer> FORM_OK = Set.of(400, 401, 415);

    @Override
    public String id() {
        return "query-token";
    }

    @Override
    public String title() {
        return "Query-string and form-body tokens do not authenticate";
    }


    @Override
    public List<CheckSpec> checks() {
        return List.of(IGNORED, NO_ERROR, WITH_GARBAGE, FORM);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String good = ctx.facts().baselineToken().get();
        McpClient mcp = ctx.target().mcp();
        Request init = mcp.probeRequest();
        URI withQuery = withAccessToken(ctx.target().url(), good);
        Response query = ctx.target().send(init.withUri(withQuery));
        Verdicts.rejected(rec, IGNORED, query, Verdicts.ONLY_401, "a good token in the query string only");
        if (query.status() == 401) {
            Optional<String> error = query.challenges().bearer().flatMap(c -> c.value("error"));
            rec.verdict(NO_ERROR, error.isEmpty(), "the challenge carries error=\"" + error.orElse("")
                    + "\" although no credentials were presented the way MCP accepts", details(), List.of(query));
        } else {
            rec.untestable(NO_ERROR, "the query-only request did not get a 401 to inspect", List.of(query));
        }
        Minted garbage = ctx.mutated(TokenMutation.RANDOM_OPAQUE);
        if (!garbage.available()) {
            rec.untestable(WITH_GARBAGE, garbage.unavailable(), List.of());
        } else {
            Response both = ctx.target().send(init.withUri(withQuery).bearer(garbage.get()));
            Verdicts.rejected(rec, WITH_GARBAGE, both, Verdicts.MALFORMED,
                    "a good query token with a garbage Authorization header");
        }
        Request form = new Request("POST", ctx.target().url(), List.of(),
                "access_token=" + URLEncoder.encode(good, StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", McpClient.ACCEPT);
        Verdicts.rejected(rec, FORM, ctx.target().send(form), FORM_OK, "a good token in a form body only");
    }

    static URI withAccessToken(URI target, String token) {
        String t = target.toString();
        return URI.create(t + (target.getRawQuery() == null ? "?" : "&") + "access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
