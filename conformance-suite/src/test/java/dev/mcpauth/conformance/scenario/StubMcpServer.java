package dev.mcpauth.conformance.scenario;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mcpauth.conformance.scenario.StubTokenValidator.Validation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small MCP server that is a correct OAuth resource server for the suite's own tests: PRM at
 * the path-inserted URL, RFC 6750 challenges, Nimbus token validation against the test issuer,
 * two tools with scopes ({@code whoami}: mcp:read, {@code server_status}: mcp:admin), sessions
 * bound to their user, Origin and protocol-version checks. Each {@link StubDefect} breaks one of
 * those behaviours. It is one class (over the house size) because every defect is a one-line
 * switch next to the behaviour it breaks, which is what a reader of the both-ways table wants.
 */
final class StubMcpServer implements AutoCloseable {
    static final String BASELINE = "mcp:read";
    static final String ADMIN = "mcp:admin";
    static final String WRITE = "mcp:write";
    private static final String BODY = "stub.body";
    private static final Set<String> VERSIONS = Set.of("2025-03-26", "2025-06-18", "2025-11-25");
    private static final Pattern CREDENTIALS = Pattern.compile("^(\\S+)( +(.*))?$", Pattern.DOTALL);
    private static final String STACK_TRACE = "java.lang.IllegalStateException: token rejected\n"
            + "\tat com.example.auth.TokenFilter.doFilter(TokenFilter.java:42)\n"
            + "\tat com.example.Server.handle(Server.java:17)\n";

    record Principal(String sub, Set<String> scopes, boolean expired, String token) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<StubDefect> defects;
    private final boolean sse;
    private final String origin;
    /** The authorization server {@link StubDefect#AS_METADATA_UNREACHABLE} names: nothing listens on port 1. */
    static final String UNREACHABLE_AS = "http://127.0.0.1:1/unreachable-as";
    private final String issuer;
    private final StubTokenValidator validator;
    private final StubSideEffects effects;
    private final StubSetup setup;
    private final StubStateless stateless = new StubStateless(this);
    private final StubCatalog catalog = new StubCatalog(this);
    private final StubApiEndpoint api;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger insufficientCalls = new AtomicInteger();
    private final Map<String, AtomicInteger> toolCalls = new ConcurrentHashMap<>();
    private volatile boolean hungUp;

    private StubMcpServer(HttpServer server, ExecutorService executor, Set<StubDefect> defects, StubSetup setup,
                          String issuer) {
        this.server = server;
        this.executor = executor;
        this.defects = defects;
        this.sse = setup.sse();
        this.origin = (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
        this.issuer = issuer;
        this.validator = new StubTokenValidator(new StubKeys(URI.create(issuer + "/jwks"), defects), issuer, resource(),
                defects, Clock.systemUTC());
        this.effects = new StubSideEffects(setup, defects);
        this.setup = setup;
        this.api = new StubApiEndpoint(origin, issuer, defects);
    }

    /** The protected non-MCP endpoint ({@code --also-protect}). */
    StubApiEndpoint api() {
        return api;
    }

    StubSetup setup() {
        return setup;
    }

    boolean upstreamConfigured() {
        return effects.upstreamConfigured();
    }

    /** A stub trusting the issuer (keys from its JWKS); https unless {@link StubDefect#PLAIN_HTTP}. */
    static StubMcpServer start(URI issuer, Set<StubDefect> defects, StubSetup setup) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer http;
        if (defects.contains(StubDefect.PLAIN_HTTP)) {
            http = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(StubTls.get().serverContext()));
            http = https;
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        StubMcpServer stub = new StubMcpServer(http, executor, defects.isEmpty() ? EnumSet.noneOf(StubDefect.class)
                : EnumSet.copyOf(defects), setup, issuer.toString());
        http.createContext("/", stub::handle);
        http.start();
        return stub;
    }

    String resource() {
        return origin + "/mcp";
    }

    URI target() {
        return URI.create(resource());
    }

    /** The origin this request is for: the stub's own, or (broken) the one Host and X-Forwarded-* claim. */
    private String originOf(HttpExchange ex) {
        if (!has(StubDefect.RESOURCE_FROM_HOST)) {
            return origin;
        }
        Headers h = ex.getRequestHeaders();
        String host = Optional.ofNullable(h.getFirst("X-Forwarded-Host")).orElse(h.getFirst("Host"));
        String proto = Optional.ofNullable(h.getFirst("X-Forwarded-Proto")).orElse(origin.substring(0, origin.indexOf(':')));
        return host == null ? origin : proto + "://" + host;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    boolean has(StubDefect d) {
        return defects.contains(d);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (dropsConnection(ex)) {
                return; // closing an exchange that sent no response headers closes the connection
            }
            // Read the whole request first: an unread body stalls the JDK's https server.
            try (InputStream in = ex.getRequestBody()) {
                ex.setAttribute(BODY, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            if (StubApiEndpoint.PATHS.contains(ex.getRequestURI().getPath())) {
                api.handle(ex);
                return;
            }
            switch (ex.getRequestURI().getPath()) {
                case "/.well-known/oauth-protected-resource/mcp" -> prm(ex, false);
                case "/.well-known/oauth-protected-resource" -> prm(ex, true);
                case "/mcp" -> mcp(ex);
                default -> send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
            }
        }
    }

    // ---- PRM ----

    private void prm(HttpExchange ex, boolean root) throws IOException {
        if ((root && !has(StubDefect.ROOT_PRM_WITH_PATH_RESOURCE)) || (!root && has(StubDefect.NO_PRM))) {
            send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
            return;
        }
        if (has(StubDefect.PRM_REQUIRES_TOKEN) && ex.getRequestHeaders().getFirst("Authorization") == null) {
            send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}");
            return;
        }
        JsonArrayBuilder servers = Json.createArrayBuilder();
        if (!has(StubDefect.PRM_NO_AUTH_SERVERS)) {
            servers.add(has(StubDefect.PRM_AS_ISSUER_MISMATCH) ? issuer + "/"
                    : has(StubDefect.AS_METADATA_UNREACHABLE) ? UNREACHABLE_AS : issuer);
        }
        JsonObjectBuilder doc = Json.createObjectBuilder()
                .add("resource", has(StubDefect.PRM_RESOURCE_TRAILING_SLASH) ? resource() + "/" : resource())
                .add("authorization_servers", servers)
                .add("bearer_methods_supported", has(StubDefect.PRM_BEARER_QUERY)
                        ? Json.createArrayBuilder().add("header").add("query") : Json.createArrayBuilder().add("header"))
                .add("resource_name", "stub MCP server");
        if (!has(StubDefect.PRM_NO_SCOPES)) {
            JsonArrayBuilder scopes = Json.createArrayBuilder().add(BASELINE).add(ADMIN);
            doc.add("scopes_supported", has(StubDefect.OFFLINE_ACCESS_ADVERTISED) ? scopes.add("offline_access") : scopes);
        }
        if (has(StubDefect.PRM_EMPTY_ARRAY)) {
            doc.add("resource_signing_alg_values_supported", Json.createArrayBuilder());
        }
        if (!has(StubDefect.PRM_NO_CORS)) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        }
        send(ex, 200, has(StubDefect.PRM_TEXT_PLAIN) ? "text/plain" : "application/json; charset=utf-8",
                doc.build().toString());
    }

    // ---- MCP endpoint ----

    private void mcp(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String method = ex.getRequestMethod();
        String requestOrigin = h.getFirst("Origin");
        if (requestOrigin != null && !requestOrigin.equals(origin) && !has(StubDefect.NO_ORIGIN_CHECK)) {
            send(ex, has(StubDefect.ORIGIN_REJECTED_WITH_400) ? 400 : 403, "application/json",
                    "{\"error\":\"origin not allowed\"}");
            return;
        }
        if (origin.equals(requestOrigin)) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            if (!has(StubDefect.NO_EXPOSE_HEADERS)) {
                ex.getResponseHeaders().set("Access-Control-Expose-Headers", "WWW-Authenticate, Mcp-Session-Id");
            }
        }
        if (method.equals("OPTIONS") && !has(StubDefect.PREFLIGHT_REQUIRES_AUTH)) {
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, GET, DELETE");
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", has(StubDefect.PREFLIGHT_WITHOUT_AUTHORIZATION)
                    ? "content-type, mcp-protocol-version, mcp-session-id"
                    : "authorization, content-type, mcp-protocol-version, mcp-session-id");
            send(ex, 204, "", "");
            return;
        }
        boolean noAuth = h.get("Authorization") == null;
        if (noAuth && ((method.equals("GET") && has(StubDefect.GET_NO_AUTH_CHECK))
                || (method.equals("DELETE") && has(StubDefect.DELETE_NO_AUTH_CHECK)))) {
            send(ex, 400, "application/json", "{\"error\":\"missing session\"}");
            return;
        }
        if (noAuth && has(StubDefect.PUBLIC_DISCOVER) && stateless.handles(ex) && body(ex).contains("server/discover")) {
            stateless.handle(ex, new Principal("", Set.of(), false, ""));
            return;
        }
        Optional<Principal> principal = authenticate(ex);
        if (principal.isEmpty()) {
            return;
        }
        Principal p = principal.get();
        if (stateless.handles(ex)) {
            stateless.handle(ex, p);
            return;
        }
        String sessionId = h.getFirst("Mcp-Session-Id");
        switch (method) {
            case "GET" -> {
                if (has(StubDefect.GET_REJECTS_VALID_TOKEN)) {
                    invalidToken(ex, "");
                } else if (sessionProblem(ex, sessionId, p)) {
                    return;
                } else {
                    ex.getResponseHeaders().set("Allow", "POST, DELETE");
                    send(ex, 405, "", "");
                }
            }
            case "DELETE" -> {
                if (has(StubDefect.DELETE_REJECTS_VALID_TOKEN)) {
                    send(ex, 403, "application/json", "{\"error\":\"forbidden\"}");
                } else if (!sessionProblem(ex, sessionId, p)) {
                    sessions.remove(sessionId);
                    send(ex, 204, "", "");
                }
            }
            case "POST" -> post(ex, p, sessionId);
            default -> send(ex, 405, "", "");
        }
    }

    private void post(HttpExchange ex, Principal p, String sessionId) throws IOException {
        JsonObject msg;
        try {
            msg = Json.createReader(new StringReader(body(ex))).readObject();
        } catch (RuntimeException e) {
            send(ex, 400, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}");
            return;
        }
        String rpc = msg.getString("method", "");
        JsonValue id = msg.getOrDefault("id", JsonValue.NULL);
        if (p.expired() && !rpc.equals("tools/call")) {
            invalidToken(ex, "");
            return;
        }
        if (!rpc.equals("initialize")) {
            if (sessionProblem(ex, sessionId, p)) {
                return;
            }
            String version = ex.getRequestHeaders().getFirst("MCP-Protocol-Version");
            if (version != null && !VERSIONS.contains(version) && !has(StubDefect.NO_PROTOCOL_VERSION_CHECK)) {
                send(ex, 400, "application/json", "{\"error\":\"unsupported MCP-Protocol-Version\"}");
                return;
            }
        }
        switch (rpc) {
            case "initialize" -> {
                String requested = msg.getJsonObject("params").getString("protocolVersion", "2025-11-25");
                String newId = UUID.randomUUID().toString();
                sessions.put(newId, p.sub());
                ex.getResponseHeaders().set("Mcp-Session-Id", newId);
                result(ex, id, Json.createObjectBuilder()
                        .add("protocolVersion", VERSIONS.contains(requested) ? requested : "2025-11-25")
                        .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT)
                                .add("resources", JsonValue.EMPTY_JSON_OBJECT).add("prompts", JsonValue.EMPTY_JSON_OBJECT))
                        .add("serverInfo", Json.createObjectBuilder().add("name", "stub").add("version", "1")));
            }
            case "notifications/initialized" -> send(ex, 202, "", "");
            case "tools/list" -> {
                if (has(StubDefect.TOOLS_LIST_BROKEN)) {
                    send(ex, 500, "application/json", "{\"error\":\"broken\"}");
                    return;
                }
                result(ex, id, Json.createObjectBuilder().add("tools", tools()));
            }
            case "tools/call" -> call(ex, p, id, msg.getJsonObject("params").getString("name", ""));
            default -> {
                if (catalog.handles(rpc)) {
                    catalog.handle(ex, p, id, msg);
                } else {
                    result(ex, id, Json.createObjectBuilder());
                }
            }
        }
    }

    StubCatalog catalog() {
        return catalog;
    }

    void call(HttpExchange ex, Principal p, JsonValue id, String tool) throws IOException {
        toolCalls.computeIfAbsent(tool, t -> new AtomicInteger()).incrementAndGet();
        String needed = switch (tool) {
            case "whoami", "reset_everything" -> BASELINE;
            case "server_status" -> ADMIN;
            case "fetch_upstream" -> effects.upstreamConfigured() ? WRITE : "";
            default -> "";
        };
        if (needed.isEmpty()) {
            send(ex, 200, "application/json", Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                    .add("error", Json.createObjectBuilder().add("code", -32602).add("message", "unknown tool")).build().toString());
            return;
        }
        if (tool.equals("whoami") && has(StubDefect.TOOLS_CALL_UNAUTHORIZED)) {
            invalidToken(ex, "");
            return;
        }
        if (!p.scopes().contains(needed) && !(p.scopes().contains(ADMIN) && !has(StubDefect.NO_HIERARCHY))) {
            if (has(StubDefect.INSUFFICIENT_SCOPE_IN_BAND)) {
                result(ex, id, Json.createObjectBuilder().add("isError", true).add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", "Access Denied"))));
                return;
            }
            if (has(StubDefect.INSUFFICIENT_SCOPE_RPC_ERROR)) {
                send(ex, 200, "application/json", Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                        .add("error", Json.createObjectBuilder().add("code", -32001).add("message", "Forbidden")).build().toString());
                return;
            }
            insufficientScope(ex, needed);
            return;
        }
        JsonObjectBuilder content = Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "text").add("text", tool + " ok for " + p.sub())));
        if (p.expired()) {
            if (has(StubDefect.DATA_IN_REJECTION)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                send(ex, 401, "application/json", Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                        .add("result", content).build().toString());
            } else {
                invalidToken(ex, "");
            }
            return;
        }
        if (tool.equals("fetch_upstream")) {
            content.add("upstreamStatus", effects.callUpstream(p.token()));
        }
        result(ex, id, content);
    }

    /**
     * {@link StubDefect#RESET_ON_OVERSIZED}: a 64 KB Authorization closes the connection without
     * a response; {@link StubDefect#HANG_UP_AFTER_OVERSIZED}: the same, and every request after it.
     */
    private boolean dropsConnection(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean oversized = auth != null && auth.length() > 32_768;
        if (oversized && has(StubDefect.HANG_UP_AFTER_OVERSIZED)) {
            hungUp = true;
        }
        return hungUp || (oversized && has(StubDefect.RESET_ON_OVERSIZED));
    }

    /** What tools/list gives: the tools with their scopes in _meta, or without (the variants). */
    JsonArrayBuilder tools() {
        boolean undeclared = has(StubDefect.UNDECLARED_TOOLS) || has(StubDefect.READ_ONLY_TOOLS);
        JsonArrayBuilder tools = undeclared ? undeclaredTools(has(StubDefect.READ_ONLY_TOOLS))
                : Json.createArrayBuilder().add(tool("whoami", BASELINE)).add(tool("server_status", ADMIN));
        if (effects.upstreamConfigured()) {
            tools.add(undeclared ? bareTool("fetch_upstream") : tool("fetch_upstream", WRITE));
        }
        return tools;
    }

    /** How many tools/call requests named this tool, whatever the answer. */
    int toolCalls(String tool) {
        return toolCalls.getOrDefault(tool, new AtomicInteger()).get();
    }

    /** The tools without _meta scopes; read-only annotations on the two harmless ones when asked. */
    private static JsonArrayBuilder undeclaredTools(boolean annotated) {
        JsonArrayBuilder tools = Json.createArrayBuilder();
        for (String name : List.of("whoami", "server_status")) {
            JsonObjectBuilder t = bareTool(name);
            if (annotated) {
                t.add("annotations", Json.createObjectBuilder().add("readOnlyHint", true).add("openWorldHint", false));
            }
            tools.add(t);
        }
        return tools.add(Json.createObjectBuilder().add("name", "reset_everything").add("description", "side effects")
                .add("inputSchema", Json.createObjectBuilder().add("type", "object"))
                .add("annotations", Json.createObjectBuilder().add("readOnlyHint", false).add("destructiveHint", true)));
    }

    /** A tool as most servers list it: no annotations, no scopes in _meta. */
    private static JsonObjectBuilder bareTool(String name) {
        return Json.createObjectBuilder().add("name", name).add("description", name)
                .add("inputSchema", Json.createObjectBuilder().add("type", "object"));
    }

    static JsonObjectBuilder tool(String name, String scope) {
        return Json.createObjectBuilder().add("name", name).add("description", name)
                .add("inputSchema", Json.createObjectBuilder().add("type", "object"))
                .add("_meta", Json.createObjectBuilder().add("dev.mcpauth/requiredScopes", Json.createArrayBuilder().add(scope)));
    }

    private boolean sessionProblem(HttpExchange ex, String sessionId, Principal p) throws IOException {
        if (sessionId == null) {
            send(ex, 400, "application/json", "{\"error\":\"Mcp-Session-Id required\"}");
            return true;
        }
        String owner = sessions.get(sessionId);
        if (owner == null || (!owner.equals(p.sub()) && !has(StubDefect.SESSION_NOT_BOUND))) {
            send(ex, 404, "application/json", "{\"error\":\"unknown session\"}");
            return true;
        }
        return false;
    }

    // ---- authentication ----

    private Optional<Principal> authenticate(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String sessionId = h.getFirst("Mcp-Session-Id");
        if (has(StubDefect.SESSION_AS_AUTH) && sessionId != null && sessions.containsKey(sessionId)) {
            return Optional.of(new Principal(sessions.get(sessionId), Set.of(BASELINE, ADMIN), false, ""));
        }
        List<String> lines = Optional.ofNullable(h.get("Authorization")).orElse(List.of());
        Optional<String> queryToken = query(ex.getRequestURI().getRawQuery(), "access_token");
        String token;
        if (lines.isEmpty()) {
            String type = Optional.ofNullable(h.getFirst("Content-Type")).orElse("");
            if (has(StubDefect.ACCEPT_QUERY_TOKEN) && queryToken.isPresent()) {
                token = queryToken.get();
            } else if (has(StubDefect.ACCEPT_FORM_TOKEN) && type.startsWith("application/x-www-form-urlencoded")) {
                Optional<String> formToken = query(body(ex), "access_token");
                if (formToken.isPresent() && validator.validate(formToken.get()).ok()) {
                    send(ex, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{}}");
                } else {
                    noCredentials(ex);
                }
                return Optional.empty();
            } else {
                noCredentials(ex);
                return Optional.empty();
            }
        } else if (lines.size() > 1 && !has(StubDefect.FIRST_AUTHORIZATION_WINS)) {
            invalidRequest(ex, "more than one Authorization header");
            return Optional.empty();
        } else if (has(StubDefect.PREFER_QUERY_TOKEN) && queryToken.isPresent()) {
            token = queryToken.get();
        } else {
            Optional<String> t = bearerToken(ex, lines.get(0));
            if (t.isEmpty()) {
                return Optional.empty();
            }
            token = t.get();
        }
        Validation v = validator.validate(token, originOf(ex) + "/mcp");
        effects.log(ex.getRequestMethod(), ex.getRequestURI().getPath(), token, v.ok() ? "allow" : "deny");
        if (v.status() == 500) {
            send(ex, 500, "text/plain", "internal error");
            return Optional.empty();
        }
        if (!v.ok()) {
            if (v.expiredOnly() && (has(StubDefect.CHECK_SCOPE_BEFORE_EXPIRY) || has(StubDefect.DATA_IN_REJECTION))) {
                return Optional.of(principal(v.claims(), true, token));
            }
            invalidToken(ex, token);
            return Optional.empty();
        }
        return Optional.of(principal(v.claims(), false, token));
    }

    private static Principal principal(JWTClaimsSet c, boolean expired, String token) {
        String scope;
        try {
            scope = Optional.ofNullable(c.getStringClaim("scope")).orElse("");
        } catch (ParseException e) {
            scope = "";
        }
        return new Principal(Optional.ofNullable(c.getSubject()).orElse(""),
                new HashSet<>(Arrays.asList(scope.split(" "))), expired, token);
    }

    private Optional<String> bearerToken(HttpExchange ex, String value) throws IOException {
        Matcher m = CREDENTIALS.matcher(value);
        if (!m.matches()) {
            noCredentials(ex);
            return Optional.empty();
        }
        String scheme = m.group(1);
        String rest = m.group(3);
        boolean bearer = has(StubDefect.CASE_SENSITIVE_SCHEME) ? scheme.equals("Bearer") : scheme.equalsIgnoreCase("Bearer");
        if (!bearer) {
            if (has(StubDefect.ACCEPT_BARE_TOKEN) && rest == null) {
                return Optional.of(scheme);
            }
            if (has(StubDefect.BASIC_GETS_400) && scheme.equalsIgnoreCase("Basic")) {
                invalidRequest(ex, "unsupported scheme");
            } else {
                noCredentials(ex);
            }
            return Optional.empty();
        }
        if (has(StubDefect.SINGLE_SPACE_ONLY) && value.startsWith(scheme + "  ")) {
            invalidToken(ex, "");
            return Optional.empty();
        }
        if (rest == null || rest.isEmpty()) {
            if (has(StubDefect.SERVER_ERROR_ON_EMPTY_BEARER)) {
                send(ex, 500, "text/plain", "internal error");
            } else {
                invalidRequest(ex, "empty bearer token");
            }
            return Optional.empty();
        }
        if (has(StubDefect.LENIENT_TOKEN_WHITESPACE)) {
            rest = rest.replaceAll("\\s", "");
        }
        if (has(StubDefect.FIRST_WORD_ONLY)) {
            rest = rest.split(" ")[0];
        }
        if (has(StubDefect.STRIP_TRAILING_JUNK)) {
            rest = rest.replaceAll("[!\"]+$", "");
        }
        if (!rest.matches("[A-Za-z0-9._~+/-]+=*")) {
            invalidRequest(ex, "malformed bearer token");
            return Optional.empty();
        }
        return Optional.of(rest);
    }

    // ---- challenges ----

    private String challenge(List<String[]> params) {
        List<String> parts = new ArrayList<>();
        for (String[] p : params) {
            parts.add(p[0] + "=" + (p.length > 2 ? p[1] : "\"" + p[1].replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        }
        if (has(StubDefect.DUPLICATE_PARAM)) {
            parts.add("scope=\"" + BASELINE + "\"");
        }
        String bearer = "Bearer " + String.join(has(StubDefect.UNPARSEABLE_CHALLENGE) ? " " : ", ", parts);
        return has(StubDefect.BASIC_CHALLENGE_FIRST) ? "Basic realm=\"stub\", " + bearer : bearer;
    }

    private String resourceMetadata(HttpExchange ex) {
        if (has(StubDefect.RELATIVE_RESOURCE_METADATA)) {
            return "/.well-known/oauth-protected-resource/mcp";
        }
        String base = originOf(ex) + "/.well-known/oauth-protected-resource/";
        return base + (has(StubDefect.RESOURCE_METADATA_WRONG_URL) ? "elsewhere" : "mcp");
    }

    private void noCredentials(HttpExchange ex) throws IOException {
        List<String[]> params = new ArrayList<>();
        if (has(StubDefect.ERROR_ON_MISSING_TOKEN)) {
            params.add(new String[]{"error", "invalid_token"});
            params.add(new String[]{"error_description", "missing token"});
        }
        if (!has(StubDefect.NO_RESOURCE_METADATA)) {
            params.add(new String[]{"resource_metadata", resourceMetadata(ex)});
        }
        if (!has(StubDefect.NO_SCOPE_IN_CHALLENGE)) {
            params.add(new String[]{"scope", has(StubDefect.OFFLINE_ACCESS_ADVERTISED) ? BASELINE + " offline_access"
                    : BASELINE});
        }
        if (!has(StubDefect.NO_WWW_AUTHENTICATE)) {
            ex.getResponseHeaders().add("WWW-Authenticate", challenge(params));
        }
        send(ex, has(StubDefect.MISSING_TOKEN_403) ? 403 : 401, "application/json", errorBody("unauthorized", ""));
    }

    void invalidToken(HttpExchange ex, String token) throws IOException {
        List<String[]> params = new ArrayList<>();
        if (!has(StubDefect.NO_ERROR_CODE_ON_INVALID_TOKEN)) {
            params.add(has(StubDefect.UNQUOTED_PARAMS) ? new String[]{"error", "invalid_token", "unquoted"}
                    : new String[]{"error", "invalid_token"});
            params.add(new String[]{"error_description", has(StubDefect.BAD_ERROR_DESCRIPTION_CHARS)
                    ? "the \"access token\" is invalid" : has(StubDefect.TOKEN_QUOTED_IN_CHALLENGE)
                    ? "the token \"" + token + "\" is invalid" : "the access token is invalid"});
        }
        if (!has(StubDefect.NO_RESOURCE_METADATA_ON_INVALID_TOKEN) && !has(StubDefect.NO_RESOURCE_METADATA)) {
            params.add(new String[]{"resource_metadata", resourceMetadata(ex)});
        }
        params.add(new String[]{"scope", BASELINE});
        if (!has(StubDefect.NO_CHALLENGE_ON_INVALID_TOKEN)) {
            ex.getResponseHeaders().add("WWW-Authenticate", challenge(params));
        }
        if (has(StubDefect.SECOND_BEARER_BAD_CHARS)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error_description=\"the \\\"access token\\\" is invalid\"");
        }
        send(ex, 401, "application/json", errorBody("invalid_token", token));
    }

    void insufficientScope(HttpExchange ex, String needed) throws IOException {
        String scope = has(StubDefect.CHALLENGE_NAMES_WRONG_SCOPE) ? "mcp:write"
                : has(StubDefect.INCONSISTENT_CHALLENGE) && insufficientCalls.getAndIncrement() % 2 == 1
                ? needed + " " + BASELINE : needed;
        List<String[]> params = new ArrayList<>();
        if (!has(StubDefect.INSUFFICIENT_SCOPE_NO_ERROR)) {
            params.add(new String[]{"error", "insufficient_scope"});
        }
        if (!has(StubDefect.INSUFFICIENT_SCOPE_NO_SCOPE)) {
            params.add(new String[]{"scope", scope});
        }
        if (!has(StubDefect.INSUFFICIENT_SCOPE_NO_RESOURCE_METADATA)) {
            params.add(new String[]{"resource_metadata", resourceMetadata(ex)});
        }
        params.add(new String[]{"error_description", "this call needs " + needed});
        ex.getResponseHeaders().add("WWW-Authenticate", challenge(params));
        send(ex, has(StubDefect.INSUFFICIENT_SCOPE_401) ? 401 : 403, "application/json", errorBody("insufficient_scope", ""));
    }

    private void invalidRequest(HttpExchange ex, String why) throws IOException {
        ex.getResponseHeaders().add("WWW-Authenticate",
                "Bearer error=\"invalid_request\", error_description=\"" + why + "\"");
        send(ex, 400, "application/json", errorBody("invalid_request", ""));
    }

    private String errorBody(String error, String token) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("error", error);
        if (has(StubDefect.ECHO_TOKEN) && !token.isEmpty()) {
            b.add("received", token);
        }
        if (has(StubDefect.STACK_TRACE_BODY)) {
            return b.build() + "\n" + STACK_TRACE;
        }
        return b.build().toString();
    }

    // ---- plumbing ----

    void result(HttpExchange ex, JsonValue id, JsonObjectBuilder result) throws IOException {
        String json = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build().toString();
        String accept = Optional.ofNullable(ex.getRequestHeaders().getFirst("Accept")).orElse("");
        if (sse && accept.contains("text/event-stream")) {
            send(ex, 200, "text/event-stream", "event: message\ndata: " + json + "\n\n");
        } else {
            send(ex, 200, "application/json", json);
        }
    }

    private static Optional<String> query(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String body(HttpExchange ex) {
        return String.valueOf(ex.getAttribute(BODY));
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!type.isEmpty()) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
