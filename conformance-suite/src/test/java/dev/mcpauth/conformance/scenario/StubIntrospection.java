package dev.mcpauth.conformance.scenario;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stub server's RFC 7662 client: asks the suite issuer's {@code /introspect} about a token
 * that is not a JWT, with client_secret_basic. Empty when the answer is inactive (the stub then
 * judges the token as before); {@link StubDefect#IGNORE_INTROSPECTION_ACTIVE} reads the claims of
 * an inactive answer anyway.
 */
final class StubIntrospection {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CLIENT = "Basic " + Base64.getEncoder()
            .encodeToString("stub-rs:stub-secret".getBytes(StandardCharsets.UTF_8));

    /** An active answer's claims, or an outage. */
    record Answer(Map<String, Object> claims, boolean outage) {
    }

    private StubIntrospection() {
    }

    static Optional<Answer> introspect(String issuer, String token, Set<StubDefect> defects) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/introspect"))
                .timeout(Duration.ofSeconds(3))
                .header("Authorization", CLIENT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.of(new Answer(Map.of(), true));
            }
            Map<String, Object> answer = JSONObjectUtils.parse(response.body());
            boolean active = Boolean.TRUE.equals(answer.get("active"));
            boolean readAnyway = defects.contains(StubDefect.IGNORE_INTROSPECTION_ACTIVE) && answer.containsKey("iss");
            return active || readAnyway ? Optional.of(new Answer(answer, false)) : Optional.empty();
        } catch (IOException | ParseException e) {
            return Optional.of(new Answer(Map.of(), true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Answer(Map.of(), true));
        }
    }
}
