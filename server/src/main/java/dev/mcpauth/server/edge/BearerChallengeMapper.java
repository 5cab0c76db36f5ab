package dev.mcpauth.server.edge;

import dev.mcpauth.server.auth.BearerChallenge;
import dev.mcpauth.server.auth.BearerRejection;
import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.config.McpSettings;
import io.helidon.microprofile.security.spi.SecurityResponseMapper;
import io.helidon.security.SecurityResponse;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Writes the RFC 6750 / RFC 9728 challenge on every response Helidon security aborts; Helidon
 * itself writes none. Registered through ServiceLoader.
 * The rejection comes from {@link McpBearerProvider} via the request's {@link RequestAuthOutcome}; an abort without one
 * (not expected: only our provider authenticates) still gets a well-formed bare challenge.
 */
public final class BearerChallengeMapper implements SecurityResponseMapper {

    @Override
    public void aborted(SecurityResponse response, Response.ResponseBuilder builder) {
        BearerRejection rejection = RequestAuthOutcome.current().flatMap(RequestAuthOutcome::rejection).orElseGet(BearerChallengeMapper::bare);
        builder.status(rejection.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(rejection.jsonBody());
        rejection.challenge().ifPresent(c -> builder.header(HttpHeaders.WWW_AUTHENTICATE, c.headerValue()));
        if (rejection.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, BearerRejection.RETRY_AFTER_SECONDS);
        }
    }

    private static BearerRejection bare() {
        McpSettings settings = CDI.current().select(McpSettings.class).get();
        return BearerRejection.of(BearerChallenge.missingCredentials(settings.protectedResourceMetadataUrl(),
                                                                     ScopePolicy.BASELINE), "missing_token");
    }
}
