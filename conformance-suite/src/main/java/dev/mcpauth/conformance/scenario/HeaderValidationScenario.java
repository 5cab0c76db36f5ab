package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;

import dev.mcpauth.conformance.spec.Level;
import dev.mcpauth.conformance.http.McpClient;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

import static dev.mcpauth.conformance.scenario.Verdicts.details;

/**
 * 2026-07-28 request metadata: with a good token, a request whose MCP-Protocol-Version,
 * Mcp-Method or Mcp-Name header is missing or does not match the body gets 400 with the
 * HeaderMismatch error (-32020); an unsupported version gets 400 UnsupportedProtocolVersionError
 * (-32022) listing the supported ones.
 */
final class HeaderValidationScenario implements Scenario {
    static final int HEADER_MISMATCH = -32020;
    static final int UNSUPPORTED_VERSION = -32022;

    private static CheckSpec mismatch(String suffix, String name, String what) {
        return CheckSpec.of("header-validation-" + suffix, Level.MUST, name,
                "With a good token, " + what + " gets 400 Bad Request with JSON-RPC error -32020 (HeaderMismatch): "
                        + "servers MUST reject requests whose headers are missing or do not match the body. (Which of "
                        + "several defects is reported first is not specified, docs/rs-checklist.md, policy P-03, so only this one is present.)",
                List.of("RS-68"), "MCP-transports#server-validation").from2607();
    }

    static final CheckSpec NO_METHOD = mismatch("missing-method", "A request without Mcp-Method is refused",
            "tools/list without the Mcp-Method header");
    static final CheckSpec METHOD = mismatch("method-mismatch", "An Mcp-Method unlike the body is refused",
            "tools/list whose Mcp-Method header says prompts/list");
    static final CheckSpec NAME = mismatch("name-mismatch", "An Mcp-Name unlike the body is refused",
            "tools/call of a tool whose Mcp-Name header names another tool");
    static final CheckSpec NO_VERSION = mismatch("missing-protocol-version", "A request without MCP-Protocol-Version "
            + "is refused", "tools/list whose _meta declares 2026-07-28 but which has no MCP-Protocol-Version header");
    static final CheckSpec UNSUPPORTED = CheckSpec.of("header-validation-unsupported-version", Level.MUST,
            "An unsupported version gets UnsupportedProtocolVersionError",
            "With a good token, tools/list declaring protocol version 2099-01-01 (header and _meta) gets 400 with "
                    + "JSON-RPC error -32022 whose data.supported lists the versions the server implements, so a "
                    + "client can retry with one of them.",
            List.of("RS-68"), "MCP-transports#protocol-version-header").from2607();

    @Override
    public String id() {
        return "header-validation";
    }

    @Override
    public String title() {
        return "Request metadata headers (2026-07-28): missing or mismatched headers get 400 -32020";
    }

    @Override
    public List<CheckSpec> checks() {
        return List.of(NO_METHOD, METHOD, NAME, NO_VERSION, UNSUPPORTED);
    }

    @Override
    public void run(ScenarioContext ctx, CheckRecorder rec) {
        if (!rec.applies(NO_METHOD)) {
            rec.skipRest("applies from 2026-07-28; this run checks " + ctx.target().specVersion());
            return;
        }
        if (rec.stoppedBy(ctx.facts().tokenGate())) {
            return;
        }
        String token = ctx.facts().baselineToken().get();
        McpClient mcp = ctx.target().mcp();
        Request list = mcp.statelessRequest("tools/list", JsonValue.EMPTY_JSON_OBJECT).bearer(token);
        expect(ctx, rec, NO_METHOD, list.without("Mcp-Method"), HEADER_MISMATCH);
        expect(ctx, rec, METHOD, list.without("Mcp-Method").header("Mcp-Method", "prompts/list"), HEADER_MISMATCH);
        JsonObject call = Json.createObjectBuilder().add("name", baselineTool(ctx))
                .add("arguments", JsonValue.EMPTY_JSON_OBJECT).build();
        expect(ctx, rec, NAME, mcp.statelessRequest("tools/call", call).bearer(token).without("Mcp-Name")
                .header("Mcp-Name", "conformance-suite-other-tool"), HEADER_MISMATCH);
        expect(ctx, rec, NO_VERSION, list.without("MCP-Protocol-Version"), HEADER_MISMATCH);
        Response unsupported = ctx.target().send(mcp.statelessRequest("tools/list", JsonValue.EMPTY_JSON_OBJECT, "2099-01-01")
                .bearer(token));
        boolean listsVersions = McpClient.message(unsupported).map(m -> m.get("error"))
                .filter(e -> e.getValueType() == JsonValue.ValueType.OBJECT)
                .map(e -> e.asJsonObject().get("data"))
                .filter(d -> d != null && d.getValueType() == JsonValue.ValueType.OBJECT)
                .map(d -> d.asJsonObject().get("supported"))
                .filter(v -> v != null && v.getValueType() == JsonValue.ValueType.ARRAY && !v.asJsonArray().isEmpty())
                .isPresent();
        judge(rec, UNSUPPORTED, unsupported, UNSUPPORTED_VERSION, listsVersions ? "" : "; error.data.supported is "
                + "missing or empty");
    }

    private static String baselineTool(ScenarioContext ctx) {
        Response list = ctx.target().send(ctx.target().mcp().statelessRequest("tools/list", JsonValue.EMPTY_JSON_OBJECT)
                .bearer(ctx.facts().baselineToken().get()));
        // No tool known to be safe: name one that cannot exist. A compliant server refuses the
        // mismatched Mcp-Name before any lookup, and a non-compliant one runs nothing.
        return PrivilegedDiscovery.callable(ctx, PrivilegedDiscovery.tools(list)).stream().findFirst()
                .orElse("conformance-suite-no-such-tool");
    }

    private static void expect(ScenarioContext ctx, CheckRecorder rec, CheckSpec spec, Request request, int code) {
        judge(rec, spec, ctx.target().send(request), code, "");
    }

    private static void judge(CheckRecorder rec, CheckSpec spec, Response r, int code, String extraProblem) {
        if (!r.received()) {
            rec.untestable(spec, "no response: " + r.transportError().orElse("?"), List.of(r));
            return;
        }
        Optional<Integer> got = McpClient.errorCode(r);
        boolean ok = r.status() == 400 && got.equals(Optional.of(code)) && extraProblem.isEmpty();
        rec.verdict(spec, ok, "expected 400 with JSON-RPC error " + code + "; got " + Verdicts.describe(r)
                + got.map(c -> " with error " + c).orElse(" without a JSON-RPC error code") + extraProblem,
                details("errorCode", got.map(Object::toString).orElse("")), List.of(r));
    }
}
