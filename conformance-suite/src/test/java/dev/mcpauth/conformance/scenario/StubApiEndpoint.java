package dev.mcpauth.conformance.scenario;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpauth.conformance.scenario.StubTokenValidator.Validation;
import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import static dev.mcpauth.conformance.scenario.StubMcpServer.send;

/**
 * The stub's protected non-MCP endpoint, {@code GET /api/items}: its own resource ({@code /api}) with its
 * own PRM at {@code /.well-known/oauth-protected-resource/api}, RFC 6750 challenges, and tokens accepted
 * only for that audience. The {@code API_*} defects (and the token-validation defects the MCP endpoint
 * shares, e.g. {@link StubDefect#ACCEPT_EXPIRED}) each break one behaviour for {@code --also-protect}.
 */
final class StubApiEndpoint {
    static final String ITEMS = "/api/items";
    static final String PRM = "/.well-known/oauth-protected-resource/api";
    /** Where {@link StubDefect#API_PRM_NOT_COVERING} moves the resource (and the tokens' audience). */
    static final String PRM_ELSEWHERE = "/.well-known/oauth-protected-resource/apix";
    /** Where {@link StubDefect#API_PRM_NOT_AT_WELL_KNOWN} serves the PRM instead of the well-known URL. */
    static final String METADATA = "/api-metadata";
    static final Set<String> PATHS = Set.of(ITEMS, PRM, PRM_ELSEWHERE, METADATA);

    private final String origin;
    private final String issuer;
    private final Set<StubDefect> defects;
    private final StubTokenValidator validator;
    private final StubTokenValidator mcpValidator;

    StubApiEndpoint(String origin, String issuer, Set<StubDefect> defects) {
        this.origin = origin;
        this.issuer = issuer;
        this.defects = defects;
        StubKeys keys = new StubKeys(URI.create(issuer + "/jwks"), defects);
        this.validator = new StubTokenValidator(keys, issuer, resource(), defects, Clock.systemUTC());
        this.mcpValidator = new StubTokenValidator(keys, issuer, origin + "/mcp", defects, Clock.systemUTC());
    }

    private boolean has(StubDefect d) {
        return defects.contains(d);
    }

    /** The API's resource identifier, its tokens' audience. */
    String resource() {
        return origin + (has(StubDefect.API_PRM_NOT_COVERING) ? "/apix" : "/api");
    }

    URI itemsUrl() {
        return URI.create(origin + ITEMS);
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean wellKnown = path.equals(PRM) || (path.equals(PRM_ELSEWHERE) && has(StubDefect.API_PRM_NOT_COVERING));
        if (wellKnown && !has(StubDefect.API_PRM_NOT_AT_WELL_KNOWN)
                || path.equals(METADATA) && has(StubDefect.API_PRM_NOT_AT_WELL_KNOWN)) {
            send(ex, 200, "application/json", Json.createObjectBuilder().add("resource", resource())
                    .add("authorization_servers", Json.createArrayBuilder().add(issuer))
                    .add("scopes_supported", Json.createArrayBuilder().add(StubMcpServer.BASELINE)).build().toString());
        } else if (path.equals(ITEMS) && ex.getRequestMethod().equals("GET")) {
            items(ex);
        } else {
            send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
        }
    }

    private void items(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            if (has(StubDefect.API_BROKEN_CHALLENGE)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"api\" scope=\"x\"");
            }
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer resource_metadata=\"" + metadataUrl()
                    + "\", scope=\"" + StubMcpServer.BASELINE + "\"");
            send(ex, has(StubDefect.API_NO_TOKEN_403) ? 403 : 401, "application/json", "{\"error\":\"unauthorized\"}");
            return;
        }
        Optional<String> token = auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(auth.substring(7).strip()) : Optional.empty();
        if (token.isEmpty() || !token.get().matches("[A-Za-z0-9._~+/-]+=*")) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_request\"");
            send(ex, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        if (has(StubDefect.API_SERVER_ERROR_ON_MALFORMED) && token.get().chars().filter(ch -> ch == '.').count() != 2) {
            send(ex, 500, "text/plain", "internal error");
            return;
        }
        Validation v = validator.validate(token.get());
        boolean ok = v.ok() || has(StubDefect.API_ACCEPTS_MCP_AUDIENCE) && mcpValidator.validate(token.get()).ok();
        if (ok) {
            send(ex, 200, "application/json", "{\"items\":[]}");
            return;
        }
        if (!has(StubDefect.API_NO_CHALLENGE_ON_INVALID)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer " + (has(StubDefect.API_NO_ERROR_CODE) ? ""
                    : "error=\"invalid_token\", ") + "resource_metadata=\"" + metadataUrl() + "\"");
        }
        send(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
    }

    private String metadataUrl() {
        return origin + (has(StubDefect.API_PRM_NOT_AT_WELL_KNOWN) ? METADATA : PRM);
    }
}
