package dev.mcpauth.server.mcp.tools;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mcpauth.server.auth.AccessToken;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.auth.VerifiedCaller;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code whoami} ({@code mcp:read}): who the server thinks the caller is, read through the
 * MicroProfile JWT API exactly as application code would ({@code @Inject JsonWebToken}). It shows
 * claims, never the token itself (RS-76). An introspected opaque token has no JWT; then the
 * fields come from the verified token ({@link VerifiedCaller}).
 */
@ApplicationScoped
public class WhoamiTool implements McpTool {

    private final JsonWebToken jwt;
    private final VerifiedCaller caller;

    @Inject
    public WhoamiTool(JsonWebToken jwt, VerifiedCaller caller) {
        this.jwt = jwt;
        this.caller = caller;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String title() {
        return "Who am I";
    }

    @Override
    public String description() {
        return "Shows the subject, client, granted scopes and expiry of the access token used for this call.";
    }

    @Override
    public Set<String> scopes() {
        return Set.of(ScopePolicy.READ);
    }

    @Override
    public ToolResult call(JsonObject arguments) {
        if (jwt.getSubject() == null) {
            return caller.token().map(WhoamiTool::introspected)
                    .orElseGet(() -> ToolResult.error("no verified token in this request"));
        }
        JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
        grantedScopes().forEach(scopes::add);
        return ToolResult.ok(JsonFactory.createObjectBuilder()
                .add("sub", jwt.getSubject())
                .add("client_id", text("client_id").or(() -> text("azp")).orElse(""))
                .add("issuer", Optional.ofNullable(jwt.getIssuer()).orElse(""))
                .add("scopes", scopes)
                .add("expires_at", Instant.ofEpochSecond(jwt.getExpirationTime()).toString())
                .add("token_api", JsonWebToken.class.getName())
                .build());
    }

    /** An introspected opaque token (RS-60) has no JsonWebToken: the verified token's own fields. */
    private static ToolResult introspected(AccessToken token) {
        JsonArrayBuilder scopes = JsonFactory.createArrayBuilder();
        new TreeSet<>(token.scopes()).forEach(scopes::add);
        return ToolResult.ok(JsonFactory.createObjectBuilder()
                .add("sub", token.subject())
                .add("client_id", token.clientId().orElse(""))
                .add("issuer", token.issuer())
                .add("scopes", scopes)
                .add("expires_at", token.expiresAt().toString())
                .add("token_api", AccessToken.class.getName())
                .build());
    }

    private Set<String> grantedScopes() {
        return text("scope").map(s -> new TreeSet<>(Arrays.asList(s.split(" "))))
                .map(set -> {
                    set.remove("");
                    return (Set<String>) set;
                })
                .orElse(Set.of());
    }

    /** MP-JWT returns custom claims as {@code jakarta.json} values, standard ones as Java types. */
    private Optional<String> text(String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
