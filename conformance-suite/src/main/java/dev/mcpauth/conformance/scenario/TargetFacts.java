package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.http.JsonValues;
import dev.mcpauth.conformance.http.McpSession;
import dev.mcpauth.conformance.http.Request;
import dev.mcpauth.conformance.http.Response;
import dev.mcpauth.conformance.token.Minted;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the facts {@link ScenarioContext} shares are learned from the target, once each. */
final class TargetFacts {
    private TargetFacts() {
    }

    private record Where(URI url, String how) {
    }

    /** The PRM: where the 401's resource_metadata points, else the path-inserted, else the root URL. */
    static Prm findPrm(ScenarioContext ctx) {
        List<Response> fetches = new ArrayList<>();
        List<Where> order = new ArrayList<>();
        ctx.noTokenChallenge().flatMap(c -> c.value("resource_metadata")).flatMap(ScenarioContext::absolute)
                .ifPresent(u -> order.add(new Where(u, "resource_metadata")));
        order.add(new Where(Discovery.pathInsertedPrm(ctx.target()), "path-inserted"));
        order.add(new Where(Discovery.rootPrm(ctx.target()), "root"));
        List<URI> tried = new ArrayList<>();
        for (Where w : order) {
            if (tried.contains(w.url())) {
                continue;
            }
            tried.add(w.url());
            Response r = ctx.send(Request.get(w.url()).header("Accept", "application/json"));
            fetches.add(r);
            Optional<JsonObject> doc = r.status() == 200 ? JsonValues.object(r.body()) : Optional.empty();
            if (doc.isPresent()) {
                return new Prm(Optional.of(w.url()), doc, w.how(), fetches);
            }
        }
        return new Prm(Optional.empty(), Optional.empty(), "none", fetches);
    }

    /** Baseline scope: option, else the 401 challenge {@code scope}, else the first of PRM {@code scopes_supported}. */
    static String baselineScope(ScenarioContext ctx) {
        if (ctx.options().baselineScope().isPresent()) {
            return ctx.options().baselineScope().get();
        }
        Optional<String> fromChallenge = ctx.noTokenChallenge().flatMap(c -> c.value("scope"))
                .filter(s -> !s.isBlank());
        if (fromChallenge.isPresent()) {
            return fromChallenge.get().trim();
        }
        return ctx.prm().document().flatMap(d -> JsonValues.strings(d, "scopes_supported"))
                .filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse("");
    }

    /** Presents the baseline token and says whether, and if not why, it was refused. */
    static ScenarioContext.Acceptance acceptance(ScenarioContext ctx) {
        Minted token = ctx.baselineToken();
        if (!token.available()) {
            return new ScenarioContext.Acceptance(token, Optional.empty(), Optional.of(token.unavailable()), false);
        }
        McpSession session = ctx.mcp().open("Bearer " + token.get());
        if (session.established()) {
            return new ScenarioContext.Acceptance(token, Optional.of(session), Optional.empty(), false);
        }
        String seen = "initialize with a good token answered " + session.initialize().summary();
        String issuer = ctx.issuer().map(URI::toString).orElse("?");
        return switch (ctx.mode()) {
            case ISSUER -> refused(token, session, seen + "; the target should trust the issuer " + issuer, true);
            case IN_PROCESS_ISSUER -> issuerListed(ctx) ? refused(token, session, seen, true)
                    : refused(token, session, seen + "; the suite started its own issuer (" + issuer + "), which the "
                    + "target does not list in authorization_servers: start the target trusting a standalone suite "
                    + "issuer and pass --issuer", false);
            case OPERATOR -> refused(token, session, seen
                    + "; check that the operator token is valid for this target and not expired", false);
            case NONE -> refused(token, session, seen, false);
        };
    }

    private static ScenarioContext.Acceptance refused(Minted token, McpSession session, String why, boolean atFault) {
        return new ScenarioContext.Acceptance(token, Optional.of(session), Optional.of(why), atFault);
    }

    private static boolean issuerListed(ScenarioContext ctx) {
        Optional<List<String>> listed = ctx.prm().document().flatMap(d -> JsonValues.strings(d, "authorization_servers"));
        return ctx.issuer().isPresent() && listed.isPresent() && listed.get().stream()
                .anyMatch(s -> stripSlash(s).equals(stripSlash(ctx.issuer().get().toString())));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
