package dev.mcpauth.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.ApiSettings;
import dev.mcpauth.server.mcp.StrictUtf8;
import dev.mcpauth.server.memory.ConfiguredMemoryStore;
import dev.mcpauth.server.memory.MemoryArguments;
import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import dev.mcpauth.server.memory.domain.Memory;
import dev.mcpauth.server.memory.domain.MemoryId;
import dev.mcpauth.server.memory.domain.MemoryRules;
import dev.mcpauth.server.memory.domain.Owner;
import dev.mcpauth.server.memory.domain.SearchHit;
import dev.mcpauth.server.memory.store.MemoryStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The assistant's REST API over the same store as the memory tools, for the caller's own
 * memories only ({@code iss}, {@code sub} of the token {@link ApiBearerFilter} verified):
 * <ul>
 *     <li>{@code GET /api/memories[?limit&offset]}: newest first; {@code ?q=} searches, best first;</li>
 *     <li>{@code POST /api/memories} {@code {"text", "tags"}}: 201 with {@code Location};</li>
 *     <li>{@code GET /api/memories/{id}}, {@code DELETE /api/memories/{id}}: 200/204, or 404 (also
 *     for another user's id).</li>
 * </ul>
 * Reading needs {@code mcp:read}, changing {@code mcp:write}. Bad input is 400
 * {@code invalid_request} with the reason; a failing database is 503. Described at
 * {@code /openapi} by MicroProfile OpenAPI.
 */
@Path(ApiSettings.API_PATH + "/memories")
@ApplicationScoped
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "An access token whose audience is mcp.api.resource; see "
                        + "/.well-known/oauth-protected-resource/api")
@SecurityRequirement(name = "bearer")
public class MemoryApiResource {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOGGER = Logger.getLogger(MemoryApiResource.class.getName());

    private final ConfiguredMemoryStore store;
    private final ApiEdge edge;
    private final Clock clock;

    @Inject
    public MemoryApiResource(ConfiguredMemoryStore store, ApiEdge edge, Clock clock) {
        this.store = store;
        this.edge = edge;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The caller's memories, newest first; with q, the best matches first (mcp:read)")
    public Response listOrSearch(@Context ContainerRequestContext request, @QueryParam("q") String query,
                                 @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return handle(request, Set.of(ScopePolicy.READ), query == null ? "listing memories" : "searching memories",
                      owner -> query == null ? list(owner, limit, offset) : search(owner, query, limit));
    }

    @POST
    @Operation(summary = "Stores {\"text\", \"tags\"} for the caller; 201 with Location (mcp:write)")
    public Response add(@Context ContainerRequestContext request, InputStream body) {
        return handle(request, Set.of(ScopePolicy.WRITE), "adding a memory", owner -> {
            MemoryArguments args = MemoryArguments.of(jsonBody(body), Set.of("text", "tags"));
            Memory stored = store.add(owner, MemoryRules.newMemory(args.requiredString("text"), args.stringList("tags")),
                                      clock.instant());
            return Response.created(URI.create(ApiSettings.API_PATH + "/memories/" + stored.id().value()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(stored.toJson().toString()).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's memories; 404 for unknown ids and other users' (mcp:read)")
    public Response get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return handle(request, Set.of(ScopePolicy.READ), "reading a memory", owner -> {
            MemoryId memoryId = MemoryRules.id(id);
            return store.get(owner, memoryId).map(memory -> json(200, memory.toJson())).orElseGet(() -> notFound(memoryId));
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes one of the caller's memories; 204, or 404 (mcp:write)")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return handle(request, Set.of(ScopePolicy.WRITE), "deleting a memory", owner -> {
            MemoryId memoryId = MemoryRules.id(id);
            return store.delete(owner, memoryId) ? Response.noContent().build() : notFound(memoryId);
        });
    }

    private Response list(Owner owner, String limitText, String offsetText) throws InvalidMemoryException {
        int limit = MemoryRules.limit("limit", number("limit", limitText, MemoryRules.DEFAULT_LIST_LIMIT), MemoryRules.MAX_LIST_LIMIT);
        long offset = number("offset", offsetText, 0);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new InvalidMemoryException("offset must be between 0 and " + Integer.MAX_VALUE + ", got " + offset);
        }
        JsonArrayBuilder memories = JsonFactory.createArrayBuilder();
        store.list(owner, limit, (int) offset).stream().map(Memory::toJson).forEach(memories::add);
        return json(200, JsonFactory.createObjectBuilder().add("memories", memories).add("total", store.count(owner))
                .add("limit", limit).add("offset", offset).build());
    }

    private Response search(Owner owner, String queryText, String limitText) throws InvalidMemoryException {
        String query = MemoryRules.query(queryText);
        int limit = MemoryRules.limit("limit", number("limit", limitText, MemoryRules.DEFAULT_SEARCH_LIMIT),
                                      MemoryRules.MAX_SEARCH_LIMIT);
        JsonArrayBuilder hits = JsonFactory.createArrayBuilder();
        store.search(owner, query, limit).stream().map(SearchHit::toJson).forEach(hits::add);
        return json(200, JsonFactory.createObjectBuilder().add("query", query).add("hits", hits).build());
    }

    /** One API call: the caller's scopes, then the work; bad input 400, a failing store 503. */
    private Response handle(ContainerRequestContext request, Set<String> scopes, String what, Call call) {
        if (!(request.getProperty(ApiBearerFilter.ACCESS_TOKEN) instanceof AccessToken token)) {
            throw new IllegalStateException("the API bearer filter did not run");
        }
        Optional<Response> refusal = edge.scopeRefusal(token, scopes, what);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            return call.run(new Owner(token.issuer(), token.subject()));
        } catch (InvalidMemoryException e) {
            return error(400, "invalid_request", e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", "the token's subject cannot own memories: " + e.getMessage());
        } catch (MemoryStoreException e) {
            LOGGER.log(Level.WARNING, what + ": " + e.getMessage(), e.getCause());
            return error(503, "store_unavailable", "memory store unavailable; try again later");
        }
    }

    private static JsonObject jsonBody(InputStream body) throws InvalidMemoryException {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidMemoryException("the body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidMemoryException("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text = StrictUtf8.decode(bytes).orElseThrow(() -> new InvalidMemoryException("the body is not UTF-8"));
        try (JsonReader reader = JsonFactory.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidMemoryException("the body is not JSON");
        }
        throw new InvalidMemoryException("the body must be a JSON object");
    }

    private static long number(String name, String text, long defaultValue) throws InvalidMemoryException {
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidMemoryException(name + " must be an integer");
        }
    }

    private static Response notFound(MemoryId id) {
        return error(404, "not_found", "no memory with id " + id.value());
    }

    private static Response error(int status, String code, String description) {
        return json(status, JsonFactory.createObjectBuilder().add("error", code).add("error_description", description).build());
    }

    private static Response json(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    @FunctionalInterface
    private interface Call {
        Response run(Owner owner) throws InvalidMemoryException;
    }
}
